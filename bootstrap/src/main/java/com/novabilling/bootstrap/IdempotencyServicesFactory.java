package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.TrackCommits;
import com.novabilling.adapter.out.persistence.postgres.TranslateStoreFailures;
import com.novabilling.application.port.in.idempotency.IdempotencyUseCase;
import com.novabilling.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.service.idempotency.IdempotencyPurgeService;
import com.novabilling.application.service.idempotency.IdempotencyService;
import com.novabilling.application.service.idempotency.IdempotentAttempts;
import com.novabilling.application.service.idempotency.IdempotentAttemptsService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Creates the idempotency use cases. {@link IdempotentAttempts} is {@code @Transactional}: each of its two methods
 * is one transaction, which the customer write use cases called from it join, so a change and its key's record
 * commit or roll back together. Keys live {@code novabilling.idempotency.ttl} ({@code NOVABILLING_IDEMPOTENCY_TTL}).
 */
@Factory
class IdempotencyServicesFactory {

    private final Duration ttl;

    IdempotencyServicesFactory(@Value("${novabilling.idempotency.ttl:24h}") Duration ttl) {
        this.ttl = ttl;
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    IdempotentAttempts idempotentAttempts(IdempotencyStore store, Clock clock) {
        return new IdempotentAttemptsService(store, clock, ttl);
    }

    @Singleton
    IdempotencyUseCase idempotency(IdempotentAttempts attempts) {
        return new IdempotencyService(attempts);
    }

    @Singleton
    PurgeExpiredIdempotencyKeysUseCase purgeExpiredIdempotencyKeys(IdempotencyStore store, Clock clock) {
        return new IdempotencyPurgeService(store, clock, ttl);
    }
}
