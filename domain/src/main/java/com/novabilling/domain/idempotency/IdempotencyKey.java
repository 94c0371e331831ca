package com.novabilling.domain.idempotency;

import com.novabilling.domain.shared.DomainValidationException;

/**
 * The client's name for one intended change ({@code Idempotency-Key} header): 1 to 255 printable ASCII characters
 * (space to tilde), taken as sent, scoped to the tenant. A UUID v4 per intended change is the usual choice.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new DomainValidationException(FIELD, "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DomainValidationException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new DomainValidationException(FIELD, "must be printable ASCII characters only");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
