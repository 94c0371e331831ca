package com.novabilling.application.service.idempotency;

import com.novabilling.application.port.in.idempotency.IdempotencyUseCase;
import com.novabilling.application.port.in.idempotency.IdempotentRequest;
import com.novabilling.application.port.in.idempotency.Outcome;

import java.util.function.Supplier;

/**
 * Stripe's idempotency keys: the first request with a key runs the change and stores its answer in the same
 * transaction ({@link IdempotentAttempts#run}); a refusal (404, 409) rolls the change back and then stores only its
 * answer, in a second transaction ({@link IdempotentAttempts#recordRefusal}), since the first may be unusable after
 * the failed statement. Requests that never reach a use case (invalid input, authentication, rate limits, an
 * unreachable database) store nothing and may be retried with the same key.
 */
public final class IdempotencyService implements IdempotencyUseCase {

    private final IdempotentAttempts attempts;

    public IdempotencyService(IdempotentAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Result execute(IdempotentRequest request, Supplier<Outcome> change) {
        try {
            return attempts.run(request, change);
        } catch (IdempotentAttempts.RefusedOutcome refused) {
            return attempts.recordRefusal(request, refused.response());
        }
    }
}
