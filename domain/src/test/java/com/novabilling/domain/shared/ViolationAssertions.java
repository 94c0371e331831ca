package com.novabilling.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: the call must fail with exactly the given violations. */
public final class ViolationAssertions {

    private ViolationAssertions() {}

    public static DomainValidationException assertViolation(ThrowingCallable call, String field, String message) {
        return assertViolations(call, new Violation(field, message));
    }

    public static DomainValidationException assertViolations(ThrowingCallable call, Violation... expected) {
        DomainValidationException e = catchThrowableOfType(DomainValidationException.class, call);
        assertThat(e).as("expected a DomainValidationException").isNotNull();
        assertThat(e.violations()).containsExactlyInAnyOrder(expected);
        assertThat(e.code()).isEqualTo("validation_failed");
        return e;
    }

    /** The call must fail with a single violation on {@code field}, whatever the message. */
    public static DomainValidationException assertViolationOn(ThrowingCallable call, String field) {
        DomainValidationException e = catchThrowableOfType(DomainValidationException.class, call);
        assertThat(e).as("expected a DomainValidationException").isNotNull();
        assertThat(e.violations()).extracting(Violation::field).containsExactly(field);
        return e;
    }
}
