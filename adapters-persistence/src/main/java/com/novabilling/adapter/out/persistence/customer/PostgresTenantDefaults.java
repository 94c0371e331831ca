package com.novabilling.adapter.out.persistence.customer;

import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public final class PostgresTenantDefaults implements TenantDefaults {

    private final Jdbc jdbc;

    public PostgresTenantDefaults(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return jdbc.queryOne("SELECT default_currency FROM tenants WHERE id = ?", List.of(tenantId.value()),
                        rs -> new CurrencyCode(rs.getString(1)))
                .orElse(CurrencyCode.USD);
    }
}
