package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"J", "Jane Doe", "Ụlọ Ọrụ Ltd", "株式会社 Nova", "Zoë & Sons \ud83d\ude00"})
    void acceptsOrdinaryNames(String raw) {
        assertThat(CustomerName.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(CustomerName.of("  Jane Doe \n").value()).isEqualTo("Jane Doe");
    }

    @Test
    void rejectsNull() {
        assertViolation(() -> CustomerName.of(null), "name", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "\u00a0", "\u3000 \u00a0", "\u200b", "\u200d\u200f\ufeff"})
    void rejectsBlankName(String raw) {
        assertViolation(() -> CustomerName.of(raw), "name", "must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 Family", "\u200f\u05d3\u05d5\u05d3\u200e",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"})
    void acceptsJoinersAndDirectionMarksInsideAVisibleName(String raw) {
        assertThat(CustomerName.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void accepts200Characters() {
        assertThat(CustomerName.of("n".repeat(200)).value()).hasSize(200);
    }

    @Test
    void rejectsMoreThan200Characters() {
        assertViolation(() -> CustomerName.of("n".repeat(201)), "name", "must be at most 200 characters");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String twoHundredEmoji = "\ud83d\ude00".repeat(200);

        assertThat(CustomerName.of(twoHundredEmoji).value()).isEqualTo(twoHundredEmoji);
        assertViolation(() -> CustomerName.of(twoHundredEmoji + "x"), "name", "must be at most 200 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane\u0000Doe", "Jane\nDoe", "Jane\tDoe", "Jane\u2029Doe", "Jane\udc00Doe"})
    void rejectsControlCharacters(String raw) {
        assertViolation(() -> CustomerName.of(raw), "name", "must not contain control characters");
    }
}
