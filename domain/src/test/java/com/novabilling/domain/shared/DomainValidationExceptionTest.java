package com.novabilling.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainValidationExceptionTest {

    @Test
    void singleViolationConstructorHoldsThatViolation() {
        var e = new DomainValidationException("email", "is required");

        assertThat(e.violations()).containsExactly(new Violation("email", "is required"));
        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.getMessage()).isEqualTo("email: is required");
    }

    @Test
    void messageJoinsEveryViolationInOrder() {
        var e = new DomainValidationException(List.of(
                new Violation("email", "is required"), new Violation("metadata.plan", "must be at most 500 characters")));

        assertThat(e.getMessage()).isEqualTo("email: is required; metadata.plan: must be at most 500 characters");
    }

    @Test
    void violationsAreACopyThatCannotBeModified() {
        List<Violation> source = new ArrayList<>(List.of(new Violation("name", "is required")));
        var e = new DomainValidationException(source);
        source.add(new Violation("email", "is required"));

        assertThat(e.violations()).hasSize(1);
        assertThatThrownBy(() -> e.violations().add(new Violation("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsEmptyViolationList() {
        assertThatThrownBy(() -> new DomainValidationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAnUncheckedDomainException() {
        assertThat(new DomainValidationException("f", "m"))
                .isInstanceOf(DomainException.class)
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void violationRequiresFieldAndMessage() {
        assertThatThrownBy(() -> new Violation(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", null)).isInstanceOf(NullPointerException.class);
    }
}
