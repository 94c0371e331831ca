package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.shared.DomainValidationException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The keys a customer list can be sorted by; ties are always broken by id. */
public enum CustomerSortField {
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt"),
    NAME("name"),
    EMAIL("email");

    private final String wireName;

    CustomerSortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CustomerSortField fromWire(String raw) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(raw)).findFirst()
                .orElseThrow(() -> new DomainValidationException("sortBy", "must be one of " + Arrays.stream(values())
                        .map(CustomerSortField::wireName).collect(Collectors.joining(", "))));
    }
}
