package com.novabilling.adapter.out.persistence.postgres.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRowRepository extends GenericRepository<ApiKeyRow, ApiKeyKey> {

    ApiKeyRow save(ApiKeyRow row);

    Optional<ApiKeyRow> findById(ApiKeyKey id);

    /** The key with this hash, if its tenant is active. */
    @Query("""
            SELECT k.* FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
             WHERE k.secret_sha256 = :secretSha256 AND t.status = 'active'""")
    Optional<ApiKeyRow> findBySecretOfActiveTenant(byte[] secretSha256);

    /** Newest first; the id breaks ties. */
    @Query("SELECT k.* FROM api_keys k WHERE k.tenant_id = :tenantId ORDER BY k.created_at DESC, k.id DESC")
    List<ApiKeyRow> listOfTenant(String tenantId);

    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE tenant_id = :tenantId AND id = :id")
    int setRevokedAt(String tenantId, String id, @Nullable Instant revokedAt);

    @Query("UPDATE api_keys SET last_used_at = :lastUsedAt WHERE tenant_id = :tenantId AND id = :id")
    int setLastUsedAt(String tenantId, String id, Instant lastUsedAt);
}
