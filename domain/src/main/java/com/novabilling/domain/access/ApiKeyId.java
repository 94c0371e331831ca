package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The public id of an API key ({@code key_} + ULID): safe to show, log and put in URLs. */
public record ApiKeyId(String value) {

    public static final String PREFIX = "key_";

    public ApiKeyId {
        if (!PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException("id", "must be key_ followed by 26 lowercase Crockford base32 characters");
        }
    }

    public static ApiKeyId generate(Instant at, RandomGenerator random) {
        return new ApiKeyId(PrefixedUlid.generate(PREFIX, at, random));
    }

    public static Optional<ApiKeyId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new ApiKeyId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
