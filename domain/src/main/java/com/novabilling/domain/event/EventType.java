package com.novabilling.domain.event;

import java.util.Arrays;
import java.util.Optional;

/** What happened; the wire name ({@code customer.created}) is part of the public contract. */
public enum EventType {
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_UPDATED("customer.updated"),
    CUSTOMER_DELETED("customer.deleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWire(String raw) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(raw)).findFirst();
    }

    /** The wire names, comma-separated, for error messages. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(EventType::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
