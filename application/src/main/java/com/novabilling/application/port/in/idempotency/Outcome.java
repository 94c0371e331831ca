package com.novabilling.application.port.in.idempotency;

import com.novabilling.application.port.shared.idempotency.StoredResponse;

import java.util.Objects;

/**
 * How a change sent with an idempotency key ended, as the caller renders it: {@link Completed} keeps the change and
 * its answer; {@link Refused} (a use case said no: not found, a conflict) undoes whatever was written and keeps only
 * the answer, so a retry gets the same refusal.
 */
public sealed interface Outcome {

    StoredResponse response();

    record Completed(StoredResponse response) implements Outcome {
        public Completed {
            Objects.requireNonNull(response, "response");
        }
    }

    record Refused(StoredResponse response) implements Outcome {
        public Refused {
            Objects.requireNonNull(response, "response");
        }
    }
}
