package com.novabilling.domain.shared;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantIdTest {

    private static final String FORMAT = "must be 1 to 64 characters of letters A-Z, digits or underscore";

    @ParameterizedTest
    @ValueSource(strings = {"default", "a", "Tenant_42", "ABC_def_123"})
    void acceptsLettersDigitsAndUnderscore(String raw) {
        assertThat(new TenantId(raw).value()).isEqualTo(raw);
    }

    @Test
    void accepts64Characters() {
        assertThat(new TenantId("t".repeat(64)).value()).hasSize(64);
    }

    @Test
    void rejects65Characters() {
        assertViolation(() -> new TenantId("t".repeat(65)), "tenantId", FORMAT);
    }

    @Test
    void rejectsNull() {
        assertViolation(() -> new TenantId(null), "tenantId", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "with-dash", "with space", "dot.ted", "é", "tenant\n", "ten/ant"})
    void rejectsAnythingButLettersDigitsAndUnderscore(String raw) {
        assertViolation(() -> new TenantId(raw), "tenantId", FORMAT);
    }

    @Test
    void toStringIsTheValue() {
        assertThat(new TenantId("acme")).hasToString("acme");
    }

    @Test
    void equalValuesAreEqual() {
        assertThat(new TenantId("acme")).isEqualTo(new TenantId("acme")).isNotEqualTo(new TenantId("Acme"));
    }
}
