package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** One attempt of a delivery: one POST, its answer or its error: {@code wha_} + a ULID, sorting by creation time as a string. */
public record AttemptId(String value) {

    public static final String PREFIX = "wha_";

    public AttemptId {
        if (value == null || !PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException("id", Ids.describe(PREFIX));
        }
    }

    public static AttemptId generate(Instant at, RandomGenerator random) {
        return new AttemptId(PrefixedUlid.generate(PREFIX, at, random));
    }

    /** The id, or empty when {@code raw} is not well-formed. */
    public static Optional<AttemptId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new AttemptId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
