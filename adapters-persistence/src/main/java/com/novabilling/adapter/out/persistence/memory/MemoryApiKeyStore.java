package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys in memory, with PostgreSQL's rules: the tenant must exist, a secret hash is unique across tenants,
 * a lookup by hash finds keys of active tenants only, lists are newest first with the id as tie-break.
 */
public final class MemoryApiKeyStore implements ApiKeyStore {

    private final MemoryStore store;

    public MemoryApiKeyStore(MemoryStore store) {
        this.store = store;
    }

    private static String hash(byte[] sha256) {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public void insert(ApiKey key) {
        store.write(() -> {
            if (!store.tenants.containsKey(key.tenantId().value())) {
                throw new IllegalStateException("API key of a tenant that is not stored: " + key.tenantId());
            }
            RowKey id = new RowKey(key.tenantId().value(), key.id().value());
            String hash = hash(key.secretSha256());
            if (store.apiKeys.containsKey(id) || store.apiKeysBySecret.containsKey(hash)) {
                throw new IllegalStateException("an API key with this id or secret is stored: " + key.id());
            }
            store.apiKeys.put(id, copy(key, key.lastUsedAt().orElse(null), key.revokedAt().orElse(null)));
            store.apiKeysBySecret.put(hash, id);
            store.undo(() -> {
                store.apiKeys.remove(id);
                store.apiKeysBySecret.remove(hash);
            });
            return null;
        });
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(byte[] sha256) {
        return store.read(() -> Optional.ofNullable(store.apiKeysBySecret.get(hash(sha256)))
                .map(store.apiKeys::get)
                .filter(k -> Optional.ofNullable(store.tenants.get(k.tenantId().value())).filter(Tenant::isActive).isPresent())
                .map(MemoryApiKeyStore::copy));
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return store.read(() -> Optional.ofNullable(store.apiKeys.get(new RowKey(tenantId.value(), keyId.value())))
                .map(MemoryApiKeyStore::copy));
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        Comparator<ApiKey> newestFirst = Comparator.comparing(ApiKey::createdAt)
                .thenComparing(k -> k.id().value()).reversed();
        return store.read(() -> store.apiKeys.values().stream().filter(k -> k.tenantId().equals(tenantId))
                .sorted(newestFirst).map(MemoryApiKeyStore::copy).toList());
    }

    @Override
    public void saveRevocation(ApiKey key) {
        replace(key.tenantId(), key.id(), k -> copy(k, k.lastUsedAt().orElse(null), key.revokedAt().orElse(null)));
    }

    @Override
    public void recordUse(TenantId tenantId, ApiKeyId keyId, Instant at) {
        replace(tenantId, keyId, k -> copy(k, at, k.revokedAt().orElse(null)));
    }

    private void replace(TenantId tenantId, ApiKeyId keyId, java.util.function.UnaryOperator<ApiKey> change) {
        store.write(() -> {
            RowKey id = new RowKey(tenantId.value(), keyId.value());
            ApiKey before = store.apiKeys.get(id);
            if (before != null) {
                store.apiKeys.put(id, change.apply(before));
                store.undo(() -> store.apiKeys.put(id, before));
            }
            return null;
        });
    }

    private static ApiKey copy(ApiKey k) {
        return copy(k, k.lastUsedAt().orElse(null), k.revokedAt().orElse(null));
    }

    private static ApiKey copy(ApiKey k, Instant lastUsedAt, Instant revokedAt) {
        return ApiKey.restore(k.id(), k.tenantId(), k.name(), k.scopes(), k.displayPrefix(), k.secretSha256().clone(),
                k.createdAt(), lastUsedAt, k.expiresAt().orElse(null), revokedAt);
    }
}
