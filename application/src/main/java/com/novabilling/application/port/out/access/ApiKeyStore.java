package com.novabilling.application.port.out.access;

import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, found by the SHA-256 of their secret; no method ever sees a secret. */
public interface ApiKeyStore {

    void insert(ApiKey key);

    /** The key with this secret hash, if its tenant is active (revoked and expired keys included). */
    Optional<ApiKey> findBySecretSha256(byte[] sha256);

    Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId);

    List<ApiKey> list(TenantId tenantId);

    void saveRevocation(ApiKey key);

    void recordUse(TenantId tenantId, ApiKeyId keyId, Instant at);
}
