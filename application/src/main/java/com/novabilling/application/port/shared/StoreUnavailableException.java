package com.novabilling.application.port.shared;

/**
 * The store cannot be reached right now (no connection within the pool's timeout, connection lost).
 * Not a bug: callers answer "try again later" (HTTP 503), never a 500.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(Throwable cause) {
        super("the database is unreachable", cause);
    }
}
