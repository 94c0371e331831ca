package com.novabilling.adapter.out.persistence.postgres.idempotency;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_keys}. The key is taken with a transaction-scoped advisory lock
 * ({@code pg_try_advisory_xact_lock} on a 64-bit hash of tenant and key): it is released by the commit or rollback
 * that makes the row visible or not, so a second request either waits for nothing (409, retry) or sees the first's
 * row. A hash collision between two live keys only makes one of them wait for the other.
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))";

    private final IdempotencyKeyRowRepository rows;
    private final JdbcOperations jdbc;

    public PostgresIdempotencyStore(IdempotencyKeyRowRepository rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryLock(TenantId tenantId, IdempotencyKey key) {
        // tenant ids hold no newline, so "tenant\nkey" names one pair only
        String name = "idempotency\n" + tenantId.value() + "\n" + key.value();
        return PostgresFailures.translate(() -> jdbc.prepareStatement(TRY_LOCK, statement -> {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }));
    }

    @Override
    public Optional<IdempotencyRecord> find(TenantId tenantId, IdempotencyKey key) {
        return PostgresFailures.translate(() -> rows.findById(new IdempotencyKeyId(tenantId.value(), key.value())))
                .map(row -> new IdempotencyRecord(tenantId, key, row.fingerprint(),
                        new StoredResponse(row.status(), row.contentType(), row.body(), row.location()), row.createdAt()));
    }

    @Override
    public void save(IdempotencyRecord record, Instant expiredBefore) {
        StoredResponse response = record.response();
        int saved = PostgresFailures.translate(() -> rows.upsert(record.tenantId().value(), record.key().value(),
                record.fingerprint(), response.status(), response.contentType(), response.body(), response.location(),
                record.createdAt(), expiredBefore));
        if (saved != 1) {
            throw new IllegalStateException("idempotency key " + record.key() + " is held by a live record");
        }
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return PostgresFailures.translate(() -> rows.deleteCreatedBefore(cutoff));
    }
}
