package com.novabilling.application.service.customer;

import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the tenant lookup off a create that names no currency: what {@link TenantDefaults} answered for a
 * tenant is kept for {@code ttl}, so a create is one INSERT. A tenant's default currency is set when the
 * tenant is provisioned; should it change, creates on an instance pick the change up within {@code ttl}.
 * The map is bounded: past {@code maxEntries} tenants it is cleared (lookups again, never unbounded memory).
 */
public final class CachedTenantDefaults implements TenantDefaults {

    private record Entry(CurrencyCode currency, Instant loadedAt) {
    }

    private final TenantDefaults store;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<TenantId, Entry> entries = new ConcurrentHashMap<>();

    public CachedTenantDefaults(TenantDefaults store, Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be positive");
        }
        this.store = Objects.requireNonNull(store);
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        Instant now = clock.instant();
        Entry entry = entries.get(tenantId);
        if (entry != null && now.isBefore(entry.loadedAt().plus(ttl))) {
            return entry.currency();
        }
        CurrencyCode currency = store.defaultCurrency(tenantId);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(tenantId, new Entry(currency, now));
        return currency;
    }
}
