package com.novabilling.domain.shared;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Input broke one or more rules; {@link #violations()} lists every one of them. */
public final class DomainValidationException extends DomainException {

    public static final String CODE = "validation_failed";

    private final List<Violation> violations;

    public DomainValidationException(List<Violation> violations) {
        this(checked(violations));
    }

    public DomainValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    private DomainValidationException(Checked checked) {
        super(checked.list.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = checked.list;
    }

    /** Non-empty and unmodifiable. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return CODE;
    }

    private record Checked(List<Violation> list) {}

    private static Checked checked(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        List<Violation> copy = List.copyOf(violations);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        return new Checked(copy);
    }
}
