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
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Creates the idempotency use cases. {@link IdempotentAttempts} is {@code @Transactional}: each of its two methods
 * is one transaction, which the customer write use cases called from it join, so a change and its key's record
 * commit or roll back together. Keys live {@code novabilling.idempotency.ttl} ({@code NOVABILLING_IDEMPOTENCY_TTL}),
 * which is checked at start ({@code @Context}): the use cases are made for the first request, where a bad value
 * answered every request with a 500.
 */
@Context
@Factory
class IdempotencyServicesFactory {

    private final Duration ttl;

    IdempotencyServicesFactory(@Value("${novabilling.idempotency.ttl:24h}") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new ConfigurationException("NOVABILLING_IDEMPOTENCY_TTL (" + ttl + ") must be positive");
        }
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
