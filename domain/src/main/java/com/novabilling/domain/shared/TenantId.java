package com.novabilling.domain.shared;

import java.util.regex.Pattern;

/** A tenant's identifier: 1 to 64 characters of {@code A-Z a-z 0-9 _}. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public TenantId {
        if (value == null) {
            throw new DomainValidationException("tenantId", "is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new DomainValidationException(
                    "tenantId", "must be 1 to 64 characters of letters A-Z, digits or underscore");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
