package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Text;

/**
 * The integrator's own id for a customer: 1 to 255 characters, no whitespace, no control characters, no
 * invisible format characters (an id that looks like another must be the other).
 */
public record ExternalId(String value) {

    public static final int MAX_LENGTH = 255;

    public ExternalId {
        if (value == null) {
            throw new DomainValidationException("externalId", "is required");
        }
        value = value.strip();
        if (value.isEmpty()) {
            throw new DomainValidationException("externalId", "must not be blank");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new DomainValidationException("externalId", "must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value)) {
            throw new DomainValidationException("externalId", "must not contain control characters");
        }
        if (Text.hasWhitespace(value)) {
            throw new DomainValidationException("externalId", "must not contain whitespace");
        }
        if (Text.hasInvisibleCharacters(value)) {
            throw new DomainValidationException("externalId",
                    "must not contain invisible characters (zero-width or direction marks)");
        }
    }

    /** Trims {@code raw} and validates it. */
    public static ExternalId of(String raw) {
        return new ExternalId(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
