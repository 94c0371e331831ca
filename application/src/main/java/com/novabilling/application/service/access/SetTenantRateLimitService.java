package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.SetTenantRateLimitUseCase;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/**
 * Stores the tenant's rate limit and forgets its cached keys on this instance, so the new limit applies
 * from its next request here; other instances read it when their cached keys expire.
 */
public final class SetTenantRateLimitService implements SetTenantRateLimitUseCase {

    private final TenantStore tenants;
    private final ApiKeyCache cache;

    public SetTenantRateLimitService(TenantStore tenants, ApiKeyCache cache) {
        this.tenants = tenants;
        this.cache = cache;
    }

    @Override
    public Optional<Tenant> setRateLimit(TenantId tenantId, RateLimit rateLimit) {
        if (!tenants.updateRateLimit(tenantId, rateLimit)) {
            return Optional.empty();
        }
        cache.evictTenant(tenantId);
        return tenants.find(tenantId);
    }
}
