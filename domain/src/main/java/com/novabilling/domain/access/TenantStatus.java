package com.novabilling.domain.access;

public enum TenantStatus {
    ACTIVE, SUSPENDED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TenantStatus fromWire(String raw) {
        return valueOf(raw.toUpperCase(java.util.Locale.ROOT));
    }
}
