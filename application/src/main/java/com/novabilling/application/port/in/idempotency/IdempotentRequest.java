package com.novabilling.application.port.in.idempotency;

import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;

import java.util.Objects;

/**
 * A change sent with an idempotency key: the tenant, the key, and the request's fingerprint (a digest of its method,
 * path and body made by the caller: two requests are "the same" when their fingerprints are equal).
 */
public record IdempotentRequest(TenantId tenantId, IdempotencyKey key, String fingerprint) {

    public IdempotentRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
