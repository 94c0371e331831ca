package com.novabilling.domain.idempotency;

import com.novabilling.domain.shared.DomainException;

/** The idempotency key was first used for another request (method, path or body differ): nothing is done. */
public final class IdempotencyKeyReusedException extends DomainException {

    public static final String CODE = "idempotency_key_reused";

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new request");
    }

    @Override
    public String code() {
        return CODE;
    }
}
