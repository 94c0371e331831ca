package com.novabilling.bootstrap.lifecycle;

import com.novabilling.application.port.in.idempotency.PurgeExpiredIdempotencyKeysUseCase;
import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets expired idempotency keys every {@code novabilling.idempotency.purge-interval} (10 minutes). Every instance
 * runs it; the deletes are idempotent. A database that cannot be reached is tried again next time.
 */
@Singleton
final class IdempotencyKeyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final PurgeExpiredIdempotencyKeysUseCase purge;

    IdempotencyKeyPurge(PurgeExpiredIdempotencyKeysUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(initialDelay = "${novabilling.idempotency.purge-interval:10m}",
            fixedDelay = "${novabilling.idempotency.purge-interval:10m}")
    void purgeExpired() {
        try {
            int purged = purge.purgeExpired();
            if (purged > 0) {
                LOG.info("Forgot {} expired idempotency key(s)", purged);
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("Expired idempotency keys not purged, the database is unreachable; next try in one interval");
        }
    }
}
