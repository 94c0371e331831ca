package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;

/** Whether a customer is active; on the wire {@code active} or {@code inactive}. */
public enum CustomerStatus {
    ACTIVE("active"),
    INACTIVE("inactive");

    private final String wireName;

    CustomerStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exactly {@code active} or {@code inactive} (case-sensitive). */
    public static CustomerStatus fromWire(String raw) {
        for (CustomerStatus status : values()) {
            if (status.wireName.equals(raw)) {
                return status;
            }
        }
        throw new DomainValidationException("status", "must be one of: active, inactive");
    }
}
