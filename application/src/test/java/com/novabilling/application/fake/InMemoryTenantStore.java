package com.novabilling.application.fake;

import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TenantStore} in a map, for service tests. Counts lookups, to show what a cache saves. */
public final class InMemoryTenantStore implements TenantStore {

    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();
    private int finds;

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        return tenants.putIfAbsent(tenant.id(), tenant) == null;
    }

    @Override
    public synchronized Optional<Tenant> find(TenantId tenantId) {
        finds++;
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public boolean anyExists() {
        return !tenants.isEmpty();
    }

    @Override
    public boolean updateRateLimit(TenantId tenantId, RateLimit rateLimit) {
        return tenants.computeIfPresent(tenantId, (id, tenant) -> tenant.withRateLimit(rateLimit)) != null;
    }

    public synchronized int finds() {
        return finds;
    }
}
