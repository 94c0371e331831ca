package com.novabilling.adapter.in.rest.json;

import com.novabilling.domain.shared.DomainValidationException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps on the wire: ISO-8601 UTC, always with milliseconds ({@code 2025-03-01T10:00:00.000Z}). */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** The earliest and latest instants accepted: four-digit years, which every store and client can hold. */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    /**
     * An ISO-8601 instant with offset ({@code 2026-01-01T00:00:00Z}) in years 0001 to 9999; a violation on
     * {@code field} otherwise.
     */
    public static Instant parse(String field, String raw) {
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(raw, Instant::from);
        } catch (DateTimeParseException e) {
            throw new DomainValidationException(field, "must be an ISO-8601 timestamp such as 2026-01-01T00:00:00Z");
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new DomainValidationException(field, "must be a timestamp between the years 0001 and 9999");
        }
        return instant;
    }
}
