package com.novabilling.application.port.shared;

/**
 * The store cannot be reached right now (no connection within the pool's timeout, connection lost, a statement
 * over its time limit). Not a bug: callers answer "try again later" (HTTP 503), never a 500.
 *
 * <p>{@link #outcomeUnknown()}: the failure came after the work was done and handed to the store to commit, so
 * the change may or may not have been kept; a retry with the same idempotency key tells which.
 */
public final class StoreUnavailableException extends RuntimeException {

    private final boolean outcomeUnknown;

    public StoreUnavailableException(Throwable cause) {
        this(cause, false);
    }

    public StoreUnavailableException(Throwable cause, boolean outcomeUnknown) {
        super(outcomeUnknown ? "the database became unreachable while committing" : "the database is unreachable", cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Whether the change may have been committed although the caller sees a failure. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
