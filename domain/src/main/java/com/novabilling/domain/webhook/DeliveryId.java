package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** One delivery of one event to one endpoint (its attempts share it): {@code whd_} + a ULID, sorting by creation time as a string. */
public record DeliveryId(String value) {

    public static final String PREFIX = "whd_";

    public DeliveryId {
        if (value == null || !PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException("id", Ids.describe(PREFIX));
        }
    }

    public static DeliveryId generate(Instant at, RandomGenerator random) {
        return new DeliveryId(PrefixedUlid.generate(PREFIX, at, random));
    }

    /** The id, or empty when {@code raw} is not well-formed. */
    public static Optional<DeliveryId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new DeliveryId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
