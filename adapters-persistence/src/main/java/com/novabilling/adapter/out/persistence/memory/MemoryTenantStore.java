package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/** Tenants in memory; also what a new customer inherits from its tenant (its default currency). */
public final class MemoryTenantStore implements TenantStore, TenantDefaults {

    private final MemoryStore store;

    public MemoryTenantStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        return store.write(() -> {
            String id = tenant.id().value();
            if (store.tenants.containsKey(id)) {
                return false;
            }
            store.tenants.put(id, copy(tenant));
            store.undo(() -> store.tenants.remove(id));
            return true;
        });
    }

    @Override
    public Optional<Tenant> find(TenantId tenantId) {
        return store.read(() -> Optional.ofNullable(store.tenants.get(tenantId.value())).map(MemoryTenantStore::copy));
    }

    @Override
    public boolean anyExists() {
        return store.read(() -> !store.tenants.isEmpty());
    }

    @Override
    public boolean updateRateLimit(TenantId tenantId, RateLimit rateLimit) {
        return store.write(() -> {
            String id = tenantId.value();
            Tenant before = store.tenants.get(id);
            if (before == null) {
                return false;
            }
            store.tenants.put(id, Tenant.restore(before.id(), before.name(), before.defaultCurrency(), before.status(),
                    before.createdAt(), rateLimit));
            store.undo(() -> store.tenants.put(id, before));
            return true;
        });
    }

    /** The tenant's default currency; USD for a tenant that is not stored. */
    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return find(tenantId).map(Tenant::defaultCurrency).orElse(CurrencyCode.USD);
    }

    private static Tenant copy(Tenant t) {
        return Tenant.restore(t.id(), t.name(), t.defaultCurrency(), t.status(), t.createdAt(), t.rateLimit().orElse(null));
    }
}
