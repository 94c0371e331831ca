package com.novabilling.application.port.out.access;

import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

public interface TenantStore {

    /** Stores the tenant unless one with its id exists; returns whether it was stored. */
    boolean insertIfAbsent(Tenant tenant);

    Optional<Tenant> find(TenantId tenantId);

    boolean anyExists();

    /** Sets ({@code rateLimit} null: clears) the tenant's own rate limit; false when no such tenant. */
    boolean updateRateLimit(TenantId tenantId, RateLimit rateLimit);
}
