package com.novabilling.application.port.out.customer;

import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;

/** Per-tenant settings a new customer inherits. */
public interface TenantDefaults {

    /** The tenant's default currency ({@code USD} unless the tenant set another). */
    CurrencyCode defaultCurrency(TenantId tenantId);
}
