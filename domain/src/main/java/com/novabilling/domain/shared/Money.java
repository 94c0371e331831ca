package com.novabilling.domain.shared;

import com.novabilling.domain.customer.CurrencyCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts of different currencies never mix. The amount is kept in its
 * shortest exact form ({@code 12.50} becomes {@code 12.5}, {@code 1E+3} becomes {@code 1000}), so equal
 * amounts are equal records and print without exponent.
 */
public record Money(BigDecimal amount, CurrencyCode currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The sum; throws {@link IllegalArgumentException} when the currencies differ. */
    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
