package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    private static final String LABELS = "must have a domain made of dot-separated labels of 1 to 63 letters,"
            + " digits or hyphens, not starting or ending with a hyphen";

    @ParameterizedTest
    @ValueSource(strings = {
            "jane@example.com",
            "Jane.Doe+billing@Example.COM",
            "a@b.co",
            "o'brien@mail.example.co.ug",
            "user@sub-domain.example-1.com",
            "josé@example.com",
            "用户@example.com",
            "user@xn--bcher-kva.example",
            "x@1.io"
    })
    void acceptsValidAddresses(String raw) {
        assertThat(Email.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(Email.of("  jane@example.com\t\n").value()).isEqualTo("jane@example.com");
    }

    @Test
    void keepsTheCaseGiven() {
        assertThat(Email.of("Jane@Example.COM").value()).isEqualTo("Jane@Example.COM");
    }

    @Test
    void normalizesEmailCaseForUniqueness() {
        Email upper = Email.of("Jane.Doe@Example.COM");
        Email lower = Email.of("jane.doe@example.com");

        assertThat(upper.normalized()).isEqualTo("jane.doe@example.com").isEqualTo(lower.normalized());
        assertThat(upper).isNotEqualTo(lower);
    }

    @Test
    void normalizationIgnoresTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(Email.of("INFO@EXAMPLE.COM").normalized()).isEqualTo("info@example.com");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void rejectsMissingOrBlankEmail(String raw) {
        assertViolation(() -> Email.of(raw), "email", "is required");
    }

    @Test
    void accepts254Characters() {
        String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";

        assertThat(address).hasSize(254);
        assertThat(Email.of(address).value()).isEqualTo(address);
    }

    @Test
    void rejectsMoreThan254Characters() {
        String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".com";

        assertViolation(() -> Email.of(address), "email", "must be at most 254 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja\u0000ne@example.com", "jane@exa\u007fmple.com", "ja\u0085ne@example.com",
            "jane\u2028@example.com", "ja\ud800ne@example.com"})
    void rejectsControlCharacters(String raw) {
        assertViolation(() -> Email.of(raw), "email", "must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane doe@example.com", "jane@exam ple.com", "jane\u00a0@example.com", "jane@example.com\u3000x"})
    void rejectsWhitespaceInside(String raw) {
        assertViolation(() -> Email.of(raw), "email", "must not contain whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja\u200bne@example.com", "jane\u200d@example.com", "\u202ejane@example.com",
            "jane@example.com\ufeff"})
    void rejectsInvisibleCharacters(String raw) {
        assertViolation(() -> Email.of(raw), "email",
                "must not contain invisible characters (zero-width or direction marks)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.example.com", "jane@@example.com", "jane@doe@example.com", "plainaddress"})
    void rejectsMissingOrMultipleAt(String raw) {
        assertViolation(() -> Email.of(raw), "email", "must contain exactly one @, like name@example.com");
    }

    @Test
    void rejectsEmptyLocalPart() {
        assertViolation(() -> Email.of("@example.com"), "email", "must have a name before the @");
    }

    @Test
    void acceptsLocalPartOf64Characters() {
        assertThat(Email.of("a".repeat(64) + "@example.com").value()).startsWith("aaaa");
    }

    @Test
    void rejectsLocalPartLongerThan64Characters() {
        assertViolation(() -> Email.of("a".repeat(65) + "@example.com"), "email",
                "must have at most 64 characters before the @");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@localhost", "jane@", "jane@examplecom"})
    void rejectsEmailWithoutDomainDot(String raw) {
        assertViolation(() -> Email.of(raw), "email", "must have a domain with a dot after the @, like example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jane@-example.com",
            "jane@example-.com",
            "jane@exa_mple.com",
            "jane@.example.com",
            "jane@example..com",
            "jane@example.com.",
            "jane@example.c-",
            "jane@ex!ample.com"
    })
    void rejectsBadDomainLabels(String raw) {
        assertViolation(() -> Email.of(raw), "email", LABELS);
    }

    @Test
    void acceptsDomainLabelOf63CharactersButNot64() {
        assertThat(Email.of("jane@" + "a".repeat(63) + ".com").value()).endsWith(".com");
        assertViolation(() -> Email.of("jane@" + "a".repeat(64) + ".com"), "email", LABELS);
    }

    @Test
    void rejectsUnicodeDomainUnlessPunycode() {
        assertViolation(() -> Email.of("jane@bücher.example"), "email",
                "must have an ASCII domain (use punycode, xn--, for internationalized domains)");
        assertThat(Email.of("jane@xn--bcher-kva.example").value()).isEqualTo("jane@xn--bcher-kva.example");
    }

    @Test
    void rejectsTopLevelDomainShorterThanTwoCharacters() {
        assertViolation(() -> Email.of("jane@example.c"), "email", "must have a top-level domain of at least 2 characters");
    }

    @Test
    void constructorValidatesLikeTheFactory() {
        assertViolation(() -> new Email("nope"), "email", "must contain exactly one @, like name@example.com");
        assertThat(new Email(" jane@example.com ")).isEqualTo(Email.of("jane@example.com"));
    }

    /**
     * The hand-written domain check accepts exactly the domains whose dot-separated labels all match
     * {@code [A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?} and whose last label has 2 characters or more.
     */
    @Test
    void domainCheckAcceptsExactlyWhatTheLabelPatternMatches() {
        java.util.regex.Pattern label = java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        java.util.List<String> domains = new java.util.ArrayList<>(java.util.List.of("a.co", "a.c", ".co", "a..co",
                "a.co.", "-a.co", "a-.co", "a-b.co", "a.b-c.de", "x".repeat(63) + ".io", "x".repeat(64) + ".io",
                "1.23", "a_b.co", "a.co-", "A.CO", "a.b.c.d.ef"));
        for (char c = 0x21; c < 0x7f; c++) {
            domains.add("a" + c + "b.co");
            domains.add("ab.c" + c);
        }
        for (String domain : domains) {
            String[] labels = domain.split("\\.", -1);
            boolean expected = domain.contains(".")
                    && java.util.Arrays.stream(labels).allMatch(l -> label.matcher(l).matches())
                    && labels[labels.length - 1].length() >= 2;
            boolean accepted;
            try {
                Email.of("me@" + domain);
                accepted = true;
            } catch (com.novabilling.domain.shared.DomainValidationException e) {
                accepted = false;
            }
            assertThat(accepted).as(domain).isEqualTo(expected);
        }
    }
}
