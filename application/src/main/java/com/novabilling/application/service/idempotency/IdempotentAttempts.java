package com.novabilling.application.service.idempotency;

import com.novabilling.application.port.in.idempotency.IdempotencyUseCase.Result;
import com.novabilling.application.port.in.idempotency.IdempotentRequest;
import com.novabilling.application.port.in.idempotency.Outcome;
import com.novabilling.application.port.shared.idempotency.StoredResponse;

import java.util.function.Supplier;

/**
 * The two transactions of {@link IdempotencyService}; each method is one transaction (bootstrap wraps the bean in
 * {@code @Transactional}).
 */
public interface IdempotentAttempts {

    /**
     * Takes the key, replays its stored answer or runs the change and stores its answer with it.
     *
     * @throws RefusedOutcome when the change was refused: the transaction rolls back, the answer is in the exception
     */
    Result run(IdempotentRequest request, Supplier<Outcome> change);

    /** After a refusal rolled back: stores the refusal's answer alone, unless another request took the key meanwhile. */
    Result recordRefusal(IdempotentRequest request, StoredResponse refusal);

    /** Carries a refusal's answer out of the transaction it rolls back. */
    final class RefusedOutcome extends RuntimeException {

        private final transient StoredResponse response;

        RefusedOutcome(StoredResponse response) {
            super("refused with " + response.status(), null, false, false);
            this.response = response;
        }

        StoredResponse response() {
            return response;
        }
    }
}
