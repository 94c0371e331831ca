package com.novabilling.domain.shared;

/** Base type of every error the domain raises on purpose. Unchecked. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** A stable machine code, e.g. {@code validation_failed}; part of the public API contract. */
    public abstract String code();
}
