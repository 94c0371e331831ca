package com.novabilling.application.port.in.idempotency;

/** Forgets idempotency keys older than their time to live; the service runs it on a schedule. */
public interface PurgeExpiredIdempotencyKeysUseCase {

    /** @return how many keys were forgotten */
    int purgeExpired();
}
