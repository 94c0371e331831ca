package com.novabilling.adapter.out.persistence.access;

import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** API keys; the table holds the SHA-256 of each secret and a 12-character display prefix, never a secret. */
@Singleton
public final class PostgresApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "k.id, k.tenant_id, k.name, k.scopes, k.display_prefix, k.secret_sha256, "
            + "k.created_at, k.last_used_at, k.expires_at, k.revoked_at";

    private final Jdbc jdbc;

    public PostgresApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ApiKey key) {
        jdbc.update("""
                INSERT INTO api_keys (tenant_id, id, name, secret_sha256, display_prefix, scopes, created_at,
                                      last_used_at, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Arrays.asList(key.tenantId().value(), key.id().value(), key.name(), key.secretSha256(),
                        key.displayPrefix(), key.scopes().stream().map(Scope::wireName).sorted().toArray(String[]::new),
                        key.createdAt(), key.lastUsedAt().orElse(null), key.expiresAt().orElse(null),
                        key.revokedAt().orElse(null)));
    }

    @Override
    public Optional<ApiKey> findBySecretSha256(byte[] sha256) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM api_keys k JOIN tenants t ON t.id = k.tenant_id"
                + " WHERE k.secret_sha256 = ? AND t.status = 'active'", List.of(sha256), PostgresApiKeyStore::key);
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM api_keys k WHERE k.tenant_id = ? AND k.id = ?",
                List.of(tenantId.value(), keyId.value()), PostgresApiKeyStore::key);
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_keys k WHERE k.tenant_id = ? ORDER BY k.created_at DESC, k.id DESC",
                List.of(tenantId.value()), PostgresApiKeyStore::key);
    }

    @Override
    public void saveRevocation(ApiKey key) {
        jdbc.update("UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ?",
                Arrays.asList(key.revokedAt().orElse(null), key.tenantId().value(), key.id().value()));
    }

    @Override
    public void recordUse(TenantId tenantId, ApiKeyId keyId, Instant at) {
        jdbc.update("UPDATE api_keys SET last_used_at = ? WHERE tenant_id = ? AND id = ?",
                List.of(at, tenantId.value(), keyId.value()));
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        Set<Scope> scopes = Arrays.stream((String[]) rs.getArray("scopes").getArray())
                .map(s -> Scope.fromWire(s).orElseThrow(() -> new IllegalStateException("unknown scope in store: " + s)))
                .collect(Collectors.toSet());
        return ApiKey.restore(new ApiKeyId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                rs.getString("name"), scopes, rs.getString("display_prefix"), rs.getBytes("secret_sha256"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "revoked_at"));
    }
}
