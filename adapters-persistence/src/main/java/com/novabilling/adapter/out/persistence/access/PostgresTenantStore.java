package com.novabilling.adapter.out.persistence.access;

import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantStatus;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Singleton
/** Tenants; also what a new customer inherits from its tenant (the customer context's {@link TenantDefaults}). */
public final class PostgresTenantStore implements TenantStore, TenantDefaults {

    private final Jdbc jdbc;

    public PostgresTenantStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        return jdbc.update("""
                INSERT INTO tenants (id, name, default_currency, status, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                List.of(tenant.id().value(), tenant.name(), tenant.defaultCurrency().value(),
                        tenant.status().wireName(), tenant.createdAt())) == 1;
    }

    @Override
    public Optional<Tenant> find(TenantId tenantId) {
        return jdbc.queryOne("""
                SELECT id, name, default_currency, status, created_at, rate_limit_per_second, rate_limit_burst
                FROM tenants WHERE id = ?""",
                List.of(tenantId.value()), rs -> {
                    long perSecond = rs.getLong("rate_limit_per_second");
                    RateLimit rateLimit = rs.wasNull() ? null : new RateLimit(perSecond, rs.getLong("rate_limit_burst"));
                    return Tenant.restore(new TenantId(rs.getString("id")), rs.getString("name"),
                            new CurrencyCode(rs.getString("default_currency")),
                            TenantStatus.fromWire(rs.getString("status")), Jdbc.instant(rs, "created_at"), rateLimit);
                });
    }

    @Override
    public boolean anyExists() {
        return jdbc.queryOne("SELECT EXISTS (SELECT 1 FROM tenants)", List.of(), rs -> rs.getBoolean(1)).orElse(false);
    }

    @Override
    public boolean updateRateLimit(TenantId tenantId, RateLimit rateLimit) {
        return jdbc.update("UPDATE tenants SET rate_limit_per_second = ?, rate_limit_burst = ? WHERE id = ?",
                Arrays.asList(rateLimit == null ? null : rateLimit.perSecond(),
                        rateLimit == null ? null : rateLimit.burst(), tenantId.value())) == 1;
    }

    /** The tenant's default currency; USD for a tenant that is not stored. */
    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return find(tenantId).map(Tenant::defaultCurrency).orElse(CurrencyCode.USD);
    }
}
