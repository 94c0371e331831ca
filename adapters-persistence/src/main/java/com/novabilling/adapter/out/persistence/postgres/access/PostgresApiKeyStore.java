package com.novabilling.adapter.out.persistence.postgres.access;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in {@code api_keys}; found on every authenticated request by the unique hash of the secret. */
public final class PostgresApiKeyStore implements ApiKeyStore {

    private final ApiKeyRowRepository rows;

    public PostgresApiKeyStore(ApiKeyRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void insert(ApiKey key) {
        PostgresFailures.translate(() -> rows.save(AccessMapper.row(key)));
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(byte[] sha256) {
        return PostgresFailures.translate(() -> rows.findBySecretOfActiveTenant(sha256).map(AccessMapper::apiKey));
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return PostgresFailures.translate(() -> rows.findById(new ApiKeyKey(tenantId.value(), keyId.value()))
                .map(AccessMapper::apiKey));
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return PostgresFailures.translate(() -> rows.listOfTenant(tenantId.value()).stream().map(AccessMapper::apiKey).toList());
    }

    @Override
    public void saveRevocation(ApiKey key) {
        PostgresFailures.translate(() -> rows.setRevokedAt(key.tenantId().value(), key.id().value(),
                key.revokedAt().orElse(null)));
    }

    @Override
    public void recordUse(TenantId tenantId, ApiKeyId keyId, Instant at) {
        PostgresFailures.translate(() -> rows.setLastUsedAt(tenantId.value(), keyId.value(), at));
    }
}
