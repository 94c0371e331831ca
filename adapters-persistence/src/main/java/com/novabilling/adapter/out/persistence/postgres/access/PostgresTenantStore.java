package com.novabilling.adapter.out.persistence.postgres.access;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/** Tenants; also what a new customer inherits from its tenant (the customer context's {@link TenantDefaults}). */
public final class PostgresTenantStore implements TenantStore, TenantDefaults {

    private final TenantRowRepository rows;

    public PostgresTenantStore(TenantRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        TenantRow row = AccessMapper.row(tenant);
        return PostgresFailures.translate(() -> rows.insertIfAbsent(row.id(), row.name(), row.defaultCurrency(),
                row.status(), row.createdAt(), row.rateLimitPerSecond(), row.rateLimitBurst())) == 1;
    }

    @Override
    public Optional<Tenant> find(TenantId tenantId) {
        return PostgresFailures.translate(() -> rows.findById(tenantId.value()).map(AccessMapper::tenant));
    }

    @Override
    public boolean anyExists() {
        return PostgresFailures.translate(rows::anyExists);
    }

    @Override
    public boolean updateRateLimit(TenantId tenantId, RateLimit rateLimit) {
        return PostgresFailures.translate(() -> rows.updateRateLimit(tenantId.value(),
                rateLimit == null ? null : Math.toIntExact(rateLimit.perSecond()),
                rateLimit == null ? null : Math.toIntExact(rateLimit.burst()))) == 1;
    }

    /** The tenant's default currency; USD for a tenant that is not stored. */
    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return find(tenantId).map(Tenant::defaultCurrency).orElse(CurrencyCode.USD);
    }
}
