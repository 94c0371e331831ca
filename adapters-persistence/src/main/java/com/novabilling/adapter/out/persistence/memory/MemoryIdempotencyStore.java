package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency keys in memory. Transactions of the in-memory store run one at a time (they hold its write lock), so
 * the key is always free when a transaction asks: a second request with the key waits for the first to end and then
 * finds its record.
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {

    private final MemoryStore store;

    public MemoryIdempotencyStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean tryLock(TenantId tenantId, IdempotencyKey key) {
        return true;
    }

    @Override
    public Optional<IdempotencyRecord> find(TenantId tenantId, IdempotencyKey key) {
        return store.read(() -> Optional.ofNullable(store.idempotencyKeys.get(rowKey(tenantId, key))));
    }

    @Override
    public void save(IdempotencyRecord record, Instant expiredBefore) {
        store.write(() -> {
            MemoryStore.RowKey rowKey = rowKey(record.tenantId(), record.key());
            IdempotencyRecord before = store.idempotencyKeys.get(rowKey);
            if (before != null && !before.createdAt().isBefore(expiredBefore)) {
                throw new IllegalStateException("idempotency key " + record.key() + " is held by a live record");
            }
            store.idempotencyKeys.put(rowKey, record);
            store.undo(() -> {
                if (before == null) {
                    store.idempotencyKeys.remove(rowKey);
                } else {
                    store.idempotencyKeys.put(rowKey, before);
                }
            });
            return null;
        });
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return store.write(() -> {
            Map<MemoryStore.RowKey, IdempotencyRecord> removed = new HashMap<>();
            store.idempotencyKeys.entrySet().removeIf(entry -> {
                boolean expired = entry.getValue().createdAt().isBefore(cutoff);
                if (expired) {
                    removed.put(entry.getKey(), entry.getValue());
                }
                return expired;
            });
            store.undo(() -> store.idempotencyKeys.putAll(removed));
            return removed.size();
        });
    }

    private static MemoryStore.RowKey rowKey(TenantId tenantId, IdempotencyKey key) {
        return new MemoryStore.RowKey(tenantId.value(), key.value());
    }
}
