package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

    private static final String ACTIVE = "must be an active ISO 4217 currency code, like USD, EUR, UGX or NGN";

    @ParameterizedTest
    @ValueSource(strings = {"UGX", "NGN", "KES", "TZS", "RWF", "GHS", "ZAR", "XOF", "XAF", "USD", "EUR", "GBP",
            "ZWG", "VES", "VED", "SLE", "MRU", "STN", "BYN", "CUP", "XCG", "XCD", "XPF", "SSP", "JPY", "BHD"})
    void acceptsActiveCurrencies(String raw) {
        assertThat(CurrencyCode.of(raw).value()).isEqualTo(raw);
    }

    @Test
    void acceptsLowercaseCurrencyAndStoresUppercase() {
        assertThat(CurrencyCode.of("ugx").value()).isEqualTo("UGX");
        assertThat(CurrencyCode.of(" Kes ")).isEqualTo(CurrencyCode.of("KES"));
    }

    @Test
    void usdConstantIsUsd() {
        assertThat(CurrencyCode.USD.value()).isEqualTo("USD");
        assertThat(CurrencyCode.USD).isEqualTo(CurrencyCode.of("usd"));
    }

    @Test
    void rejectsWithdrawnCurrencySll() {
        assertViolation(() -> CurrencyCode.of("SLL"), "currency", ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZWL", "HRK", "BYR", "VEF", "MRO", "STD", "CUC", "ANG", "LTL", "EEK", "ZWD", "DEM", "FRF"})
    void rejectsWithdrawnCurrencies(String raw) {
        assertViolation(() -> CurrencyCode.of(raw), "currency", ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XTS", "XXX", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
            "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"})
    void rejectsTestFundAndPreciousMetalCodes(String raw) {
        assertViolation(() -> CurrencyCode.of(raw), "currency", ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US", "USDT", "BTC", "ABC", "U$D", "€"})
    void rejectsUnknownCodes(String raw) {
        assertViolation(() -> CurrencyCode.of(raw), "currency", ACTIVE);
    }

    @Test
    void rejectsNull() {
        assertViolation(() -> CurrencyCode.of(null), "currency", "is required");
    }

    @ParameterizedTest
    @CsvSource({"USD,2", "EUR,2", "UGX,0", "RWF,0", "XOF,0", "JPY,0", "KES,2", "NGN,2", "BHD,3", "KWD,3"})
    void fractionDigitsComeFromIso4217(String code, int digits) {
        assertThat(CurrencyCode.of(code).fractionDigits()).isEqualTo(digits);
    }

    @Test
    void fractionDigitsDefaultToTwoWhenTheJdkDoesNotKnowTheCode() {
        // XCG (Caribbean guilder, 2025) is newer than Java 17's currency data
        assertThat(CurrencyCode.of("XCG").fractionDigits()).isEqualTo(2);
    }
}
