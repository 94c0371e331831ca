package com.novabilling.adapter.out.persistence.postgres.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyKeyRowRepository extends GenericRepository<IdempotencyKeyRow, IdempotencyKeyId> {

    Optional<IdempotencyKeyRow> findById(IdempotencyKeyId id);

    /** Inserts the row, or replaces the key's row when that one was created before {@code expiredBefore}. */
    @Query("""
            INSERT INTO idempotency_keys (tenant_id, key, fingerprint, status, content_type, body, location, created_at)
            VALUES (:tenantId, :key, :fingerprint, :status, :contentType, :body, :location, :createdAt)
            ON CONFLICT (tenant_id, key) DO UPDATE
               SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, content_type = EXCLUDED.content_type,
                   body = EXCLUDED.body, location = EXCLUDED.location, created_at = EXCLUDED.created_at
             WHERE idempotency_keys.created_at < :expiredBefore""")
    int upsert(String tenantId, String key, String fingerprint, int status, String contentType, byte[] body,
               @Nullable String location, Instant createdAt, Instant expiredBefore);

    @Query("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
    int deleteCreatedBefore(Instant cutoff);
}
