package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Text;

/**
 * A customer's display name: 1 to 200 characters, surrounding whitespace removed. Emoji, any script and the
 * invisible joiners and direction marks they need are fine; a name showing nothing (only spaces and
 * invisible characters) is blank.
 */
public record CustomerName(String value) {

    public static final int MAX_LENGTH = 200;

    public CustomerName {
        if (value == null) {
            throw new DomainValidationException("name", "is required");
        }
        value = value.strip();
        if (Text.isBlank(value)) {
            throw new DomainValidationException("name", "must not be blank");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new DomainValidationException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value)) {
            throw new DomainValidationException("name", "must not contain control characters");
        }
    }

    /** Trims {@code raw} and validates it. */
    public static CustomerName of(String raw) {
        return new CustomerName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
