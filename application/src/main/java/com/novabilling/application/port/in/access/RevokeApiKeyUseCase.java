package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.shared.TenantId;

/**
 * Revokes a key of the tenant. It stops authenticating at once on this instance and within the
 * authentication cache's time-to-live on the others.
 */
public interface RevokeApiKeyUseCase {

    /** @throws com.novabilling.domain.access.ApiKeyNotFoundException no such key in the tenant */
    ApiKey revoke(TenantId tenantId, ApiKeyId keyId);
}
