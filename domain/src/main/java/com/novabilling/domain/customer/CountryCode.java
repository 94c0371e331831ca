package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import java.util.Locale;
import java.util.Set;

/** An assigned ISO 3166-1 alpha-2 country code, stored upper-case ({@code UG}, {@code NG}). */
public record CountryCode(String value) {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    /** Surrounding whitespace is removed and the code upper-cased, so {@code " ug"} is {@code UG}. */
    public CountryCode {
        if (value == null) {
            throw new DomainValidationException("country", "is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!ASSIGNED.contains(value)) {
            throw new DomainValidationException(
                    "country", "must be an ISO 3166-1 alpha-2 country code, like US, UG or NG");
        }
    }

    /** Trims and upper-cases {@code raw}, then validates it. */
    public static CountryCode of(String raw) {
        return new CountryCode(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
