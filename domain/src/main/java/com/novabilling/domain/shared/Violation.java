package com.novabilling.domain.shared;

import java.util.Objects;

/**
 * One broken rule: which input ({@code field}, a JSON-path-like name such as {@code email} or
 * {@code metadata.plan}) and a human message saying what is allowed.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
