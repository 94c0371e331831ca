package com.novabilling.application.port.in.idempotency;

import com.novabilling.application.port.shared.idempotency.StoredResponse;

import java.util.function.Supplier;

/**
 * Runs a change at most once per tenant and idempotency key (Stripe's semantics). The first request with a key runs
 * {@code change} (which calls the write use cases: they join this transaction) and its answer is stored in the same
 * transaction as the change, so there is never one without the other; a later request with the key and the same
 * fingerprint gets that answer again without running anything.
 */
public interface IdempotencyUseCase {

    /** The answer, and whether it is a replay of an earlier request's. */
    record Result(StoredResponse response, boolean replayed) {
    }

    /**
     * @throws com.novabilling.domain.idempotency.IdempotencyKeyInUseException  the key's first request is still running
     * @throws com.novabilling.domain.idempotency.IdempotencyKeyReusedException the key was used for a different request
     */
    Result execute(IdempotentRequest request, Supplier<Outcome> change);
}
