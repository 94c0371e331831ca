package com.novabilling.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. */
public enum Scope {
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    API_KEYS_READ("api_keys:read"),
    API_KEYS_WRITE("api_keys:write"),
    EVENTS_READ("events:read"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write");

    /**
     * How many scopes one request may list: each scope at most twice (a repeated scope counts once). A
     * compile-time constant, for the REST adapter's constraints and OpenAPI document.
     */
    public static final int MAX_LISTED = 14;

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWire(String raw) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(raw)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
