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

    /** The hand-written check accepts exactly what {@code [A-Za-z0-9_]{1,64}} matches. */
    @Test
    void acceptsExactlyWhatTheFormatMatches() {
        java.util.regex.Pattern format = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,64}");
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of("", "a".repeat(64),
                "a".repeat(65), "acme_1", "acme-1", "acm\u00e9", " acme"));
        for (char c = 0; c < 0x180; c++) {
            samples.add("t" + c);
        }
        for (String s : samples) {
            boolean accepted;
            try {
                new TenantId(s);
                accepted = true;
            } catch (DomainValidationException e) {
                accepted = false;
            }
            assertThat(accepted).as(s).isEqualTo(format.matcher(s).matches());
        }
    }
}
