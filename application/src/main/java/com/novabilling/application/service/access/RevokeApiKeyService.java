package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.RevokeApiKeyUseCase;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.shared.TenantId;

import java.time.Clock;

public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

    private final ApiKeyStore keys;
    private final ApiKeyCache cache;
    private final Clock clock;

    public RevokeApiKeyService(ApiKeyStore keys, ApiKeyCache cache, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public ApiKey revoke(TenantId tenantId, ApiKeyId keyId) {
        ApiKey key = keys.find(tenantId, keyId).orElseThrow(() -> new ApiKeyNotFoundException(keyId.value()));
        key.revoke(clock.instant());
        keys.saveRevocation(key);
        cache.evict(keyId);
        return key;
    }
}
