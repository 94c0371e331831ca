package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A customer's id: {@code cust_} followed by a 26-character ULID in lowercase Crockford base32
 * ({@link PrefixedUlid}), so ids created in a later millisecond sort later as plain strings.
 */
public record CustomerId(String value) {

    public static final String PREFIX = "cust_";

    public CustomerId {
        if (value == null) {
            throw new DomainValidationException("id", "is required");
        }
        if (!PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException(
                    "id", "must be cust_ followed by 26 lowercase Crockford base32 characters");
        }
    }

    /** A new id for something created at {@code at}, random bits drawn from {@code random}. */
    public static CustomerId generate(Instant at, RandomGenerator random) {
        return new CustomerId(PrefixedUlid.generate(PREFIX, at, random));
    }

    /** The id, or empty when {@code raw} is not a well-formed customer id (callers answer 404). */
    public static Optional<CustomerId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new CustomerId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
