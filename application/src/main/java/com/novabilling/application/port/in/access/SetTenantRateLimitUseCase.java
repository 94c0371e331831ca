package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/**
 * Operator action: gives a tenant its own rate limit per API key ({@code rateLimit} null: back to the
 * service's default). Empty when there is no such tenant.
 */
public interface SetTenantRateLimitUseCase {

    Optional<Tenant> setRateLimit(TenantId tenantId, RateLimit rateLimit);
}
