package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * An active ISO 4217 currency code, stored upper-case. Only the currencies of ISO 4217 list one
 * (table A.1, as of 2025) that money is actually denominated in: no withdrawn codes (HRK, SLL,
 * ZWL, VEF, MRO, STD, CUC, BYR, ANG...), no funds (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW),
 * no precious metals, no SDR/bond units, no test or no-currency codes (XTS, XXX).
 */
public record CurrencyCode(String value) {

    private static final Set<String> ACTIVE = Set.of(
            "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN",
            "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN",
            "BWP", "BYN", "BZD",
            "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK",
            "DJF", "DKK", "DOP", "DZD",
            "EGP", "ERN", "ETB", "EUR",
            "FJD", "FKP",
            "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
            "HKD", "HNL", "HTG", "HUF",
            "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
            "JMD", "JOD", "JPY",
            "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
            "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
            "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
            "MYR", "MZN",
            "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
            "OMR",
            "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
            "QAR",
            "RON", "RSD", "RUB", "RWF",
            "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN",
            "SVC", "SYP", "SZL",
            "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
            "UAH", "UGX", "USD", "UYU", "UZS",
            "VED", "VES", "VND", "VUV",
            "WST",
            "XAF", "XCD", "XCG", "XOF", "XPF",
            "YER",
            "ZAR", "ZMW", "ZWG");

    public static final CurrencyCode USD = new CurrencyCode("USD");

    /** Surrounding whitespace is removed and the code upper-cased, so {@code "ugx"} is {@code UGX}. */
    public CurrencyCode {
        if (value == null) {
            throw new DomainValidationException("currency", "is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!ACTIVE.contains(value)) {
            throw new DomainValidationException(
                    "currency", "must be an active ISO 4217 currency code, like USD, EUR, UGX or NGN");
        }
    }

    /** Trims and upper-cases {@code raw}, then validates it. */
    public static CurrencyCode of(String raw) {
        return new CurrencyCode(raw);
    }

    /** Digits after the decimal point in the minor unit (UGX 0, USD 2, BHD 3); 2 when the JDK does not know the code. */
    public int fractionDigits() {
        try {
            int digits = Currency.getInstance(value).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknownToThisJdk) {
            return 2;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
