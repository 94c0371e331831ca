package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdTest {

    private static final String VALID = "cust_01hq3k5z7x8y9abcdefghjkmnp";
    private static final String FORMAT = "must be cust_ followed by 26 lowercase Crockford base32 characters";
    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");

    /** Always returns the same bits, so the encoding can be checked exactly. */
    private static RandomGenerator constant(long bits) {
        return () -> bits;
    }

    @Test
    void generatedIdHasPrefixAnd26LowercaseBase32Characters() {
        String id = CustomerId.generate(AT, new SplittableRandom(1)).value();

        assertThat(id).matches("cust_[0-7][0-9abcdefghjkmnpqrstvwxyz]{25}");
    }

    @Test
    void firstTenCharactersEncodeEpochMillis() {
        String id = CustomerId.generate(Instant.ofEpochMilli(0), constant(0)).value();
        String id2 = CustomerId.generate(Instant.ofEpochMilli(33), constant(0)).value();
        String max = CustomerId.generate(Instant.ofEpochMilli((1L << 48) - 1), constant(-1)).value();

        assertThat(id).isEqualTo("cust_" + "0".repeat(26));
        assertThat(id2).isEqualTo("cust_0000000011" + "0".repeat(16));
        assertThat(max).isEqualTo("cust_7" + "z".repeat(25));
    }

    @Test
    void lastSixteenCharactersEncode80RandomBits() {
        String id = CustomerId.generate(Instant.ofEpochMilli(0), constant(-1)).value();

        assertThat(id).isEqualTo("cust_" + "0".repeat(10) + "z".repeat(16));
    }

    @Test
    void idsGeneratedLaterSortLater() {
        RandomGenerator random = new SplittableRandom(42);
        Instant t = AT;
        String previous = CustomerId.generate(t, random).value();
        for (int i = 0; i < 2000; i++) {
            t = t.plusMillis(1 + random.nextInt(100_000));
            String next = CustomerId.generate(t, random).value();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void idsInTheSameMillisecondDifferByRandomPart() {
        RandomGenerator random = new SplittableRandom(7);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(CustomerId.generate(AT, random).value());
        }
        assertThat(ids).hasSize(10_000);
        assertThat(ids).allMatch(id -> id.startsWith(CustomerId.generate(AT, random).value().substring(0, 15)));
    }

    @Test
    void generateIgnoresSubMillisecondPrecision() {
        String a = CustomerId.generate(AT, constant(5)).value();
        String b = CustomerId.generate(AT.plusNanos(999_999), constant(5)).value();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void generateRejectsInstantsOutside48BitMillis() {
        assertThatThrownBy(() -> CustomerId.generate(Instant.ofEpochMilli(-1), constant(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerId.generate(Instant.ofEpochMilli(1L << 48), constant(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseAcceptsAGeneratedId() {
        CustomerId id = CustomerId.generate(AT, new SplittableRandom(3));

        assertThat(CustomerId.parse(id.value())).contains(id);
    }

    @Test
    void parseAcceptsWellFormedId() {
        assertThat(CustomerId.parse(VALID)).contains(new CustomerId(VALID));
    }

    @Test
    void parseRejectsUppercaseId() {
        assertThat(CustomerId.parse(VALID.toUpperCase())).isEmpty();
        assertThat(CustomerId.parse("cust_01HQ3K5Z7X8Y9ABCDEFGHJKMNP")).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "cust_",
            "cus_01hq3k5z7x8y9abcdefghjkmnp",             // wrong prefix
            "CUST_01hq3k5z7x8y9abcdefghjkmnp",            // uppercase prefix
            "sub_01hq3k5z7x8y9abcdefghjkmnpq",            // another prefix, same length
            "01hq3k5z7x8y9abcdefghjkmnpqrst",             // no prefix
            "cust_01hq3k5z7x8y9abcdefghjkmn",             // 25 characters
            "cust_01hq3k5z7x8y9abcdefghjkmnpq",           // 27 characters
            "cust_01hq3k5z7x8y9abcdefghjkmni",            // i is not Crockford
            "cust_01hq3k5z7x8y9abcdefghjkmnl",            // l is not Crockford
            "cust_01hq3k5z7x8y9abcdefghjkmno",            // o is not Crockford
            "cust_01hq3k5z7x8y9abcdefghjkmnu",            // u is not Crockford
            "cust_01hq3k5z7x8y9abcdefghjkm-p",            // punctuation
            "cust_81hq3k5z7x8y9abcdefghjkmnp",            // overflows 128 bits
            " cust_01hq3k5z7x8y9abcdefghjkmnp",           // surrounding whitespace
            "cust_01hq3k5z7x8y9abcdefghjkmnp ",
            "cust_01hq3k5z7x8y9abcdefghjkmn\u0000",
            "cust_01hq3k5z7x8y9abcdefghjkmn\u00e9"
    })
    void parseReturnsEmptyForMalformedIds(String raw) {
        assertThat(CustomerId.parse(raw)).isEmpty();
    }

    @Test
    void constructorRejectsMalformedIdOnFieldId() {
        assertViolation(() -> new CustomerId("cust_nope"), "id", FORMAT);
        assertViolation(() -> new CustomerId(VALID.toUpperCase()), "id", FORMAT);
    }

    @Test
    void constructorRejectsNull() {
        assertViolation(() -> new CustomerId(null), "id", "is required");
    }

    @Test
    void toStringIsTheValue() {
        assertThat(new CustomerId(VALID)).hasToString(VALID);
    }
}
