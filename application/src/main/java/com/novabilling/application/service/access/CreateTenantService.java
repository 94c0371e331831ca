package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.CreateTenantUseCase;
import com.novabilling.application.port.in.access.ProvisionedTenant;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;

import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

public final class CreateTenantService implements CreateTenantUseCase {

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public CreateTenantService(TenantStore tenants, ApiKeyStore keys, Clock clock, RandomGenerator secureRandom) {
        this.tenants = tenants;
        this.keys = keys;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public ProvisionedTenant create(String name, CurrencyCode defaultCurrency) {
        Instant now = clock.instant();
        Tenant tenant = Tenant.open(name, defaultCurrency, now, secureRandom);
        tenants.insertIfAbsent(tenant);
        return new ProvisionedTenant(tenant,
                FullAccessKeys.issue(keys, tenant.id(), "default", ApiKeySecret.generate(secureRandom), now, secureRandom));
    }
}
