package com.novabilling.application.fake;

import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain idempotency store for service tests, with just enough of a transaction: {@link #begin()}, {@link #commit()}
 * and {@link #rollback()} (changes are kept aside until the commit); {@link #holdElsewhere} makes a key look taken by
 * another transaction.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<List<String>, IdempotencyRecord> records = new HashMap<>();
    private Map<List<String>, IdempotencyRecord> pending;
    private final Set<List<String>> heldElsewhere = new HashSet<>();

    public void begin() {
        pending = new HashMap<>();
    }

    public void commit() {
        records.putAll(pending);
        pending = null;
    }

    public void rollback() {
        pending = null;
    }

    public void holdElsewhere(TenantId tenant, IdempotencyKey key) {
        heldElsewhere.add(id(tenant, key));
    }

    public void release(TenantId tenant, IdempotencyKey key) {
        heldElsewhere.remove(id(tenant, key));
    }

    public int size() {
        return records.size();
    }

    @Override
    public boolean tryLock(TenantId tenantId, IdempotencyKey key) {
        return !heldElsewhere.contains(id(tenantId, key));
    }

    @Override
    public Optional<IdempotencyRecord> find(TenantId tenantId, IdempotencyKey key) {
        if (pending != null && pending.containsKey(id(tenantId, key))) {
            return Optional.of(pending.get(id(tenantId, key)));
        }
        return Optional.ofNullable(records.get(id(tenantId, key)));
    }

    @Override
    public void save(IdempotencyRecord record, Instant expiredBefore) {
        if (pending == null) {
            throw new IllegalStateException("save outside a transaction");
        }
        find(record.tenantId(), record.key()).filter(r -> !r.createdAt().isBefore(expiredBefore)).ifPresent(r -> {
            throw new IllegalStateException("live record");
        });
        pending.put(id(record.tenantId(), record.key()), record);
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        int before = records.size();
        records.values().removeIf(r -> r.createdAt().isBefore(cutoff));
        return before - records.size();
    }

    private static List<String> id(TenantId tenant, IdempotencyKey key) {
        return List.of(tenant.value(), key.value());
    }
}
