package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static com.novabilling.domain.shared.ViolationAssertions.assertViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novabilling.domain.shared.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataTest {

    private static final String WRONG_TYPE = "must be a string, number or boolean";
    private static final String BAD_NUMBER =
            "must be a number with at most 30 digits, at most 20 of them after the decimal point";

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    @Test
    void emptyHasNoEntries() {
        assertThat(Metadata.empty().asMap()).isEmpty();
        assertThat(Metadata.empty().isEmpty()).isTrue();
        assertThat(Metadata.of(Map.of())).isEqualTo(Metadata.empty());
    }

    @Test
    void keepsStringsBooleansAndNumbersWithKeysInCodePointOrder() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("plan", "gold");
        raw.put("vip", true);
        raw.put("seats", 12);
        raw.put("discount", 0.15);
        raw.put("alpha", "first-letter-last");

        Metadata metadata = Metadata.of(raw);

        assertThat(metadata.asMap()).containsExactly(
                Map.entry("alpha", "first-letter-last"),
                Map.entry("discount", new BigDecimal("0.15")),
                Map.entry("plan", "gold"),
                Map.entry("seats", new BigDecimal("12")),
                Map.entry("vip", true));
    }

    @Test
    void keyOrderIsByCodePointNotByUtf16Unit() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("\uD83D\uDE00smile", "U+1F600, a surrogate pair in UTF-16");
        raw.put("\uFB01le", "U+FB01, above the surrogates in UTF-16");
        raw.put("\u00e9t\u00e9", "U+00E9");
        raw.put("b", "lower case");
        raw.put("B", "upper case");
        raw.put("a10", "digits compare as text");
        raw.put("a9", "digits compare as text");

        assertThat(Metadata.of(raw).asMap().keySet()).containsExactly(
                "B", "a10", "a9", "b", "\u00e9t\u00e9", "\uFB01le", "\uD83D\uDE00smile");
    }

    @Test
    void asMapCannotBeModified() {
        Metadata metadata = Metadata.of(single("plan", "gold"));

        assertThatThrownBy(() -> metadata.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Metadata.empty().asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheSourceMapDoNotLeakIn() {
        Map<String, Object> raw = single("plan", "gold");
        Metadata metadata = Metadata.of(raw);
        raw.put("plan", "silver");

        assertThat(metadata.asMap()).containsExactly(Map.entry("plan", "gold"));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(10, "10"),
                Arguments.of(10L, "10"),
                Arguments.of((short) 7, "7"),
                Arguments.of((byte) -3, "-3"),
                Arguments.of(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
                Arguments.of(new BigDecimal("10.500"), "10.5"),
                Arguments.of(new BigDecimal("1E+1"), "10"),
                Arguments.of(new BigDecimal("100"), "100"),
                Arguments.of(1.5d, "1.5"),
                Arguments.of(0.1f, "0.1"),
                Arguments.of(100.0d, "100"),
                Arguments.of(-0.0d, "0"),
                Arguments.of(1e20d, "100000000000000000000"),
                Arguments.of(new BigDecimal("0.00000000000000000001"), "0.00000000000000000001"));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void normalizesEveryNumberToAPlainBigDecimal(Number input, String expected) {
        Object stored = Metadata.of(single("n", input)).asMap().get("n");

        assertThat(stored).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) stored).toPlainString()).isEqualTo(expected);
        assertThat(stored).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void equalNumbersWrittenDifferentlyMakeEqualMetadata() {
        Metadata a = Metadata.of(single("n", new BigDecimal("10.0")));
        Metadata b = Metadata.of(single("n", 10));
        Metadata c = Metadata.of(single("n", 10.0d));

        assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(b);
    }

    @Test
    void equalityIgnoresInsertionOrderButNotContent() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", true);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", true);
        ba.put("a", "1");

        assertThat(Metadata.of(ab)).isEqualTo(Metadata.of(ba));
        assertThat(Metadata.of(ab)).isNotEqualTo(Metadata.of(single("a", "1")));
        assertThat(Metadata.of(single("a", "true"))).isNotEqualTo(Metadata.of(single("a", true)));
    }

    @Test
    void rejectsNullMap() {
        assertViolation(() -> Metadata.of(null), "metadata", "must be an object");
    }

    @Test
    void accepts50Keys() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            raw.put("k" + i, i);
        }
        assertThat(Metadata.of(raw).asMap()).hasSize(50);
    }

    @Test
    void rejectsMoreThan50Keys() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            raw.put("k" + i, i);
        }
        assertViolation(() -> Metadata.of(raw), "metadata", "must have at most 50 keys");
    }

    @Test
    void acceptsKeysOf1And40Characters() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("k", "short");
        raw.put("k".repeat(40), "long");

        assertThat(Metadata.of(raw).asMap()).containsOnlyKeys("k", "k".repeat(40));
    }

    @Test
    void rejectsKeyLongerThan40CharactersNamingItTruncated() {
        String key = "abcdefghij".repeat(4) + "XYZ";

        assertViolation(() -> Metadata.of(single(key, "v")), "metadata",
                "key \"" + "abcdefghij".repeat(4) + "...\" must be at most 40 characters");
    }

    @Test
    void rejectsEmptyKey() {
        assertViolation(() -> Metadata.of(single("", "v")), "metadata", "keys must be 1 to 40 characters");
    }

    @Test
    void rejectsNullKey() {
        Map<String, Object> raw = new HashMap<>();
        raw.put(null, "v");

        assertViolation(() -> Metadata.of(raw), "metadata", "keys must be 1 to 40 characters");
    }

    @Test
    void rejectsBlankKey() {
        assertViolation(() -> Metadata.of(single("   ", "v")), "metadata.   ", "key must not be blank");
    }

    @Test
    void rejectsKeyWithControlCharacters() {
        assertViolation(() -> Metadata.of(single("pl\u0000an", "v")), "metadata.pl\u0000an",
                "key must not contain control characters");
    }

    @Test
    void acceptsStringOf500Characters() {
        assertThat(Metadata.of(single("s", "x".repeat(500))).asMap().get("s")).isEqualTo("x".repeat(500));
    }

    @Test
    void rejectsStringLongerThan500Characters() {
        assertViolation(() -> Metadata.of(single("note", "x".repeat(501))), "metadata.note",
                "must be at most 500 characters");
    }

    @Test
    void rejectsStringWithControlCharactersIncludingNewline() {
        assertViolation(() -> Metadata.of(single("note", "line1\nline2")), "metadata.note",
                "must not contain control characters");
        assertViolation(() -> Metadata.of(single("note", "a\u0000")), "metadata.note",
                "must not contain control characters");
    }

    @Test
    void metadataRejectsNestedObject() {
        assertViolation(() -> Metadata.of(single("address", Map.of("city", "Kampala"))), "metadata.address", WRONG_TYPE);
    }

    @Test
    void metadataRejectsList() {
        assertViolation(() -> Metadata.of(single("tags", List.of("a", "b"))), "metadata.tags", WRONG_TYPE);
    }

    @Test
    void metadataRejectsNullValue() {
        assertViolation(() -> Metadata.of(single("plan", null)), "metadata.plan", WRONG_TYPE);
    }

    @Test
    void metadataRejectsOtherTypes() {
        assertViolation(() -> Metadata.of(single("c", 'c')), "metadata.c", WRONG_TYPE);
        assertViolation(() -> Metadata.of(single("n", new java.util.concurrent.atomic.AtomicInteger(1))), "metadata.n",
                WRONG_TYPE);
        assertViolation(() -> Metadata.of(single("a", new int[] {1})), "metadata.a", WRONG_TYPE);
    }

    @Test
    void rejectsNaNAndInfinity() {
        assertViolation(() -> Metadata.of(single("n", Double.NaN)), "metadata.n", "must be a finite number");
        assertViolation(() -> Metadata.of(single("n", Double.POSITIVE_INFINITY)), "metadata.n", "must be a finite number");
        assertViolation(() -> Metadata.of(single("n", Float.NEGATIVE_INFINITY)), "metadata.n", "must be a finite number");
    }

    @Test
    void acceptsNumbersOf30DigitsAnd20DecimalPlaces() {
        assertThat(Metadata.of(single("n", new BigDecimal("1234567890.12345678901234567891"))).asMap().get("n"))
                .isEqualTo(new BigDecimal("1234567890.12345678901234567891"));
        assertThat(Metadata.of(single("n", new BigDecimal("1E+29"))).asMap().get("n"))
                .isEqualTo(new BigDecimal("100000000000000000000000000000"));
    }

    @Test
    void rejectsNumbersWithMoreThan30Digits() {
        assertViolation(() -> Metadata.of(single("n", new BigInteger("1" + "0".repeat(30)))), "metadata.n", BAD_NUMBER);
        assertViolation(() -> Metadata.of(single("n", new BigDecimal("12345678901.12345678901234567891"))), "metadata.n",
                BAD_NUMBER);
        assertViolation(() -> Metadata.of(single("n", 1e300d)), "metadata.n", BAD_NUMBER);
    }

    @Test
    void rejectsNumbersWithMoreThan20DecimalPlaces() {
        assertViolation(() -> Metadata.of(single("n", new BigDecimal("0.000000000000000000001"))), "metadata.n",
                BAD_NUMBER);
        assertViolation(() -> Metadata.of(single("n", 1e-21d)), "metadata.n", BAD_NUMBER);
    }

    @Test
    void rejectsHugeExponentWithoutExpandingIt() {
        assertViolation(() -> Metadata.of(single("n", new BigDecimal("1E+999999999"))), "metadata.n", BAD_NUMBER);
    }

    @Test
    void collectsEveryMetadataViolation() {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < 48; i++) {
            raw.put("ok" + i, "fine");
        }
        raw.put("nested", Map.of("a", 1));
        raw.put("long", "x".repeat(501));
        raw.put("k".repeat(41), "v");
        raw.put("nan", Double.NaN);
        raw.put("none", null);

        assertViolations(() -> Metadata.of(raw),
                new Violation("metadata", "must have at most 50 keys"),
                new Violation("metadata.nested", WRONG_TYPE),
                new Violation("metadata.long", "must be at most 500 characters"),
                new Violation("metadata", "key \"" + "k".repeat(40) + "...\" must be at most 40 characters"),
                new Violation("metadata.nan", "must be a finite number"),
                new Violation("metadata.none", WRONG_TYPE));
    }

    @Test
    void toStringShowsTheEntries() {
        assertThat(Metadata.of(single("plan", "gold"))).hasToString("Metadata{plan=gold}");
    }

    // Metadata.trusted: rows this service wrote, read back without the checks of Metadata.of

    @Test
    void trustedEqualsWhatOfMadeFromTheSameValuesInTheSameKeyOrder() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("zeta", "last");
        stored.put("\uD83D\uDE00", "U+1F600");
        stored.put("\uFB01", "U+FB01");
        stored.put("Alpha", false);
        stored.put("big", new BigDecimal("123456789012345678901234567890"));
        stored.put("tiny", new BigDecimal("0.00000000000000000001"));

        Metadata trusted = Metadata.trusted(stored);

        assertThat(trusted).isEqualTo(Metadata.of(stored)).hasSameHashCodeAs(Metadata.of(stored));
        assertThat(List.copyOf(trusted.asMap().keySet()))
                .containsExactly("Alpha", "big", "tiny", "zeta", "\uFB01", "\uD83D\uDE00");
        assertThat(trusted.asMap().get("tiny")).isEqualTo(new BigDecimal("0.00000000000000000001"));
        assertThatThrownBy(() -> trusted.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void trustedStripsTrailingZerosAsOfDoes() {
        Metadata trusted = Metadata.trusted(Map.of("a", new BigDecimal("1.50"), "b", new BigDecimal("1E+3"),
                "c", new BigDecimal("12"), "d", new BigDecimal("0.000")));

        assertThat(trusted.asMap()).containsExactly(Map.entry("a", new BigDecimal("1.5")),
                Map.entry("b", new BigDecimal("1000")), Map.entry("c", new BigDecimal("12")),
                Map.entry("d", BigDecimal.ZERO));
        assertThat(trusted).isEqualTo(Metadata.of(Map.of("a", new BigDecimal("1.50"), "b", new BigDecimal("1E+3"),
                "c", 12, "d", new BigDecimal("0.000"))));
    }

    @Test
    void trustedOfNothingIsEmpty() {
        assertThat(Metadata.trusted(Map.of())).isSameAs(Metadata.empty());
    }

    /** What trusted does not check, by design: the rules were checked when the row was written. */
    @Test
    void trustedDoesNotRecheckTheRulesOfOf() {
        String longKey = "k".repeat(Metadata.MAX_KEY_LENGTH + 1);
        String longValue = "v".repeat(Metadata.MAX_STRING_LENGTH + 1);

        Metadata trusted = Metadata.trusted(Map.of(longKey, longValue, " ", "tab\there",
                "n", new BigDecimal("1" + "0".repeat(40))));

        assertThat(trusted.asMap()).containsKeys(longKey, " ", "n");
        assertThatThrownBy(() -> Metadata.of(trusted.asMap())).isInstanceOf(
                com.novabilling.domain.shared.DomainValidationException.class);
    }

    @Test
    void trustedStillRefusesNullsAndValuesOfAnotherKind() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("plan", null);
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "x");

        assertThatThrownBy(() -> Metadata.trusted(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Metadata.trusted(nullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Metadata.trusted(nullKey)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Metadata.trusted(Map.of("plan", Map.of("tier", "gold"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.plan");
        assertThatThrownBy(() -> Metadata.trusted(Map.of("seats", 12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.seats");
    }
}
