package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "crm-00042", "user_42@erp", "ORD/2025/001", "ñ-42"})
    void acceptsPrintableIdsWithoutWhitespace(String raw) {
        assertThat(ExternalId.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(ExternalId.of("  crm-42 ").value()).isEqualTo("crm-42");
    }

    @Test
    void rejectsNull() {
        assertViolation(() -> ExternalId.of(null), "externalId", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsBlank(String raw) {
        assertViolation(() -> ExternalId.of(raw), "externalId", "must not be blank");
    }

    @Test
    void accepts255Characters() {
        assertThat(ExternalId.of("e".repeat(255)).value()).hasSize(255);
    }

    @Test
    void rejectsMoreThan255Characters() {
        assertViolation(() -> ExternalId.of("e".repeat(256)), "externalId", "must be at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm 42", "crm\u00a042", "crm\u200342"})
    void rejectsWhitespaceInside(String raw) {
        assertViolation(() -> ExternalId.of(raw), "externalId", "must not contain whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm\u200b42", "crm_\u202e24", "\ufeffcrm42"})
    void rejectsInvisibleCharacters(String raw) {
        assertViolation(() -> ExternalId.of(raw), "externalId",
                "must not contain invisible characters (zero-width or direction marks)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm\u000042", "crm\t42", "crm\n42", "crm\u007f"})
    void rejectsControlCharacters(String raw) {
        assertViolation(() -> ExternalId.of(raw), "externalId", "must not contain control characters");
    }
}
