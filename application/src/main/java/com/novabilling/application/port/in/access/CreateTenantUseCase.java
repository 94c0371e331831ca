package com.novabilling.application.port.in.access;

import com.novabilling.domain.customer.CurrencyCode;

/** Operator action: opens a tenant and issues its first key, holding every scope. */
public interface CreateTenantUseCase {

    ProvisionedTenant create(String name, CurrencyCode defaultCurrency);
}
