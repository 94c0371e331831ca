package com.novabilling.application.port.out.idempotency;

import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * The tenants' idempotency keys. Every call but {@link #purgeCreatedBefore} runs inside the caller's transaction.
 */
public interface IdempotencyStore {

    /**
     * Takes the key for the current transaction, until it ends; false at once (no waiting) when another transaction
     * holds it. A store whose transactions never run concurrently may always answer true.
     */
    boolean tryLock(TenantId tenantId, IdempotencyKey key);

    Optional<IdempotencyRecord> find(TenantId tenantId, IdempotencyKey key);

    /** Stores the record; it replaces one of the same key created before {@code expiredBefore} (an expired one). */
    void save(IdempotencyRecord record, Instant expiredBefore);

    /** Deletes the records created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
