package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of a request, so the caller hears about all of them at once: value-object
 * constructors throw {@link DomainValidationException}, {@link #attempt} catches and keeps their violations.
 */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();

    public void add(String field, String message) {
        list.add(new Violation(field, message));
    }

    /** The value {@code factory} makes, or {@code null} after recording its violations. */
    public <T> T attempt(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (DomainValidationException e) {
            list.addAll(e.violations());
            return null;
        }
    }

    /**
     * The value {@code factory} makes, its violations (if any) reported on {@code field} instead: for a request
     * field whose value object names itself otherwise ({@code defaultCurrency} holds a {@code currency}).
     */
    public static <T> T as(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (DomainValidationException e) {
            throw new DomainValidationException(e.violations().stream()
                    .map(v -> new Violation(field, v.message()))
                    .toList());
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(list);
    }

    /** @throws DomainValidationException holding every violation recorded, if any */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new DomainValidationException(list);
        }
    }
}
