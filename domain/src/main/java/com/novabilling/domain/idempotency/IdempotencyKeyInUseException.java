package com.novabilling.domain.idempotency;

import com.novabilling.domain.shared.DomainException;

/** A request with this idempotency key is still running; the client retries after it ends. */
public final class IdempotencyKeyInUseException extends DomainException {

    public static final String CODE = "idempotency_key_in_use";

    public IdempotencyKeyInUseException() {
        super("A request with this Idempotency-Key is still being processed; retry after it completes");
    }

    @Override
    public String code() {
        return CODE;
    }
}
