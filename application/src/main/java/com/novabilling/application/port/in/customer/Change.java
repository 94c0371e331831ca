package com.novabilling.application.port.in.customer;

import java.util.Optional;

/**
 * An update of an optional field: either a new value or clearing it ({@link #clear()}). A field that an
 * update leaves alone is a {@code null} {@code Change}.
 */
public record Change<T>(T newValue) {

    public static <T> Change<T> to(T value) {
        if (value == null) {
            throw new IllegalArgumentException("use Change.clear() to clear a field");
        }
        return new Change<>(value);
    }

    public static <T> Change<T> clear() {
        return new Change<>(null);
    }

    public Optional<T> value() {
        return Optional.ofNullable(newValue);
    }
}
