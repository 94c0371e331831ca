package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.shared.DomainValidationException;

public enum SortOrder {
    ASC, DESC;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SortOrder fromWire(String raw) {
        if ("asc".equals(raw)) {
            return ASC;
        }
        if ("desc".equals(raw)) {
            return DESC;
        }
        throw new DomainValidationException("sortOrder", "must be one of asc, desc");
    }
}
