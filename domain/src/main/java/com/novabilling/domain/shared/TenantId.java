package com.novabilling.domain.shared;

/** A tenant's identifier: 1 to 64 characters of {@code A-Z a-z 0-9 _}. */
public record TenantId(String value) {

    private static final int MAX_LENGTH = 64;

    public TenantId {
        if (value == null) {
            throw new DomainValidationException("tenantId", "is required");
        }
        if (!wellFormed(value)) {
            throw new DomainValidationException(
                    "tenantId", "must be 1 to 64 characters of letters A-Z, digits or underscore");
        }
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@code [A-Za-z0-9_]{1,64}}, by a loop: every request and every row read back builds a tenant id. */
    private static boolean wellFormed(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Text.isAsciiLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
