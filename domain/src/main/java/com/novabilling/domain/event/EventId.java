package com.novabilling.domain.event;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An event's id: {@code evt_} followed by a 26-character ULID ({@link PrefixedUlid}), so ids of later
 * events sort later as plain strings; receivers dedupe deliveries on it.
 */
public record EventId(String value) {

    public static final String PREFIX = "evt_";

    public EventId {
        if (value == null || !PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException("id", "must be evt_ followed by 26 lowercase Crockford base32 characters");
        }
    }

    public static EventId generate(Instant at, RandomGenerator random) {
        return new EventId(PrefixedUlid.generate(PREFIX, at, random));
    }

    /** The id, or empty when {@code raw} is not a well-formed event id (callers answer 404). */
    public static Optional<EventId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new EventId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
