package com.novabilling.application.service.idempotency;

import com.novabilling.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;

import java.time.Clock;
import java.time.Duration;

/** Deletes the keys older than their time to live. */
public final class IdempotencyPurgeService implements PurgeExpiredIdempotencyKeysUseCase {

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;

    public IdempotencyPurgeService(IdempotencyStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public int purgeExpired() {
        return store.purgeCreatedBefore(clock.instant().minus(ttl));
    }
}
