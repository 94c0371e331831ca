package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

    private static final String ISO = "must be an ISO 3166-1 alpha-2 country code, like US, UG or NG";

    @ParameterizedTest
    @ValueSource(strings = {"UG", "NG", "KE", "TZ", "RW", "GH", "ZA", "US", "GB", "FR", "SS"})
    void acceptsAssignedCodes(String raw) {
        assertThat(CountryCode.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void acceptsLowercaseCountryAndStoresUppercase() {
        assertThat(CountryCode.of("ug").value()).isEqualTo("UG");
        assertThat(CountryCode.of(" Ng ").value()).isEqualTo("NG");
        assertThat(CountryCode.of("ke")).isEqualTo(CountryCode.of("KE"));
    }

    @Test
    void acceptsEveryCodeTheJdkListsAsAssigned() {
        for (String code : Locale.getISOCountries()) {
            assertThat(CountryCode.of(code).value()).isEqualTo(code);
        }
    }

    @Test
    void upperCasingIgnoresTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(CountryCode.of("it").value()).isEqualTo("IT");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U", "USA", "UK", "XK", "ZZ", "EU", "AA", "1A", "U G", "ÜG"})
    void rejectsCodesThatAreNotAssignedAlpha2(String raw) {
        assertViolation(() -> CountryCode.of(raw), "country", ISO);
    }

    @Test
    void rejectsNull() {
        assertViolation(() -> CountryCode.of(null), "country", "is required");
    }
}
