package com.novabilling.adapter.in.rest.json;

import com.novabilling.domain.shared.DomainValidationException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps on the wire: ISO-8601 UTC, always with milliseconds ({@code 2025-03-01T10:00:00.000Z}). */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * {@code 2025-03-01T10:00:00.000Z}. Written by hand for the years 0001 to 9999 (every timestamp this service
     * stores): two per customer in every answer, and {@link DateTimeFormatter} showed in the profile of a page of
     * customers; other years (none is accepted) by the formatter, so the text is the same either way.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return FORMAT.format(instant);
        }
        char[] c = new char[24];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
