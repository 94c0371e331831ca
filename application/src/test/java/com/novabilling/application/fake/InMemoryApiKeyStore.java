package com.novabilling.application.fake;

import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** API keys in memory, counting the lookups and last-use writes the service makes. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final List<ApiKey> keys = new ArrayList<>();
    public int lookups;
    public final List<Instant> recordedUses = new ArrayList<>();

    @Override
    public void insert(ApiKey key) {
        keys.add(key);
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(byte[] sha256) {
        lookups++;
        return keys.stream().filter(k -> Arrays.equals(k.secretSha256(), sha256)).findFirst();
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return keys.stream().filter(k -> k.tenantId().equals(tenantId) && k.id().equals(keyId)).findFirst();
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return keys.stream().filter(k -> k.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    @Override
    public void saveRevocation(ApiKey key) {
        // the aggregate held in the list is the one revoked
    }

    /** Like the PostgreSQL store: the key's last-used time is updated, so a later lookup sees it. */
    @Override
    public void recordUse(TenantId tenantId, ApiKeyId keyId, Instant at) {
        recordedUses.add(at);
        keys.replaceAll(k -> k.tenantId().equals(tenantId) && k.id().equals(keyId)
                ? ApiKey.restore(k.id(), k.tenantId(), k.name(), k.scopes(), k.displayPrefix(), k.secretSha256(),
                        k.createdAt(), at, k.expiresAt().orElse(null), k.revokedAt().orElse(null))
                : k);
    }
}
