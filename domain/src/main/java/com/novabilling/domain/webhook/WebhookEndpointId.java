package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A webhook endpoint's id: {@code we_} + a ULID, sorting by creation time as a string. */
public record WebhookEndpointId(String value) {

    public static final String PREFIX = "we_";

    public WebhookEndpointId {
        if (value == null || !PrefixedUlid.isWellFormed(PREFIX, value)) {
            throw new DomainValidationException("id", Ids.describe(PREFIX));
        }
    }

    public static WebhookEndpointId generate(Instant at, RandomGenerator random) {
        return new WebhookEndpointId(PrefixedUlid.generate(PREFIX, at, random));
    }

    /** The id, or empty when {@code raw} is not well-formed. */
    public static Optional<WebhookEndpointId> parse(String raw) {
        return PrefixedUlid.isWellFormed(PREFIX, raw) ? Optional.of(new WebhookEndpointId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
