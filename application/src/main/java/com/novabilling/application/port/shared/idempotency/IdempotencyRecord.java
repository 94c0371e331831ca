package com.novabilling.application.port.shared.idempotency;

import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * What a tenant's idempotency key stands for: the fingerprint of the request first sent with it (method, path and
 * body) and the answer that request got, from {@code createdAt} on.
 */
public record IdempotencyRecord(TenantId tenantId, IdempotencyKey key, String fingerprint, StoredResponse response,
                                Instant createdAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
