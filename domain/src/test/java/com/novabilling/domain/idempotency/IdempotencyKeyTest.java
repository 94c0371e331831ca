package com.novabilling.domain.idempotency;

import com.novabilling.domain.shared.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0b7f3c1e-9d2a-4f7e-8c1b-5a6d7e8f9a0b", " spaces inside and around ", "~!@#$%^&*()_+{}|:\"<>?"})
    void printableAsciiIsTakenAsSent(String raw) {
        assertThat(new IdempotencyKey(raw).value()).isEqualTo(raw);
    }

    @Test
    void twoHundredFiftyFiveCharactersAreTheMost() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("Idempotency-Key");
                        assertThat(v.message()).isEqualTo("must be at most 255 characters");
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "new\nline", "caf\u00e9", "emoji\uD83D\uDE00", "del\u007f"})
    void anythingButPrintableAsciiIsRefused(String raw) {
        assertThatThrownBy(() -> new IdempotencyKey(raw))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("must be printable ASCII characters only")));
    }

    @Test
    void emptyOrMissingIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new IdempotencyKey(null)).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void theConflictsCarryTheirCodes() {
        assertThat(new IdempotencyKeyInUseException().code()).isEqualTo("idempotency_key_in_use");
        assertThat(new IdempotencyKeyReusedException().code()).isEqualTo("idempotency_key_reused");
    }
}
