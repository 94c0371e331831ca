package com.novabilling.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novabilling.domain.customer.CurrencyCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final CurrencyCode UGX = CurrencyCode.of("UGX");

    @Test
    void zeroHasZeroAmountInTheGivenCurrency() {
        Money zero = Money.zero(UGX);

        assertThat(zero.amount()).isEqualByComparingTo("0");
        assertThat(zero.currency()).isEqualTo(UGX);
    }

    @Test
    void plusAddsAmountsOfTheSameCurrency() {
        Money sum = new Money(new BigDecimal("10.50"), CurrencyCode.USD).plus(new Money(new BigDecimal("2.25"), CurrencyCode.USD));

        assertThat(sum).isEqualTo(new Money(new BigDecimal("12.75"), CurrencyCode.USD));
    }

    @Test
    void plusRejectsADifferentCurrency() {
        Money dollars = new Money(BigDecimal.ONE, CurrencyCode.USD);
        Money shillings = new Money(BigDecimal.ONE, UGX);

        assertThatThrownBy(() -> dollars.plus(shillings)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresAmountAndCurrency() {
        assertThatThrownBy(() -> new Money(null, UGX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keepsTheShortestExactAmountSoEqualAmountsAreEqual() {
        assertThat(new Money(new BigDecimal("12.5000"), CurrencyCode.USD)).isEqualTo(new Money(new BigDecimal("12.5"), CurrencyCode.USD));
        assertThat(new Money(new BigDecimal("150000.0000"), UGX).amount().toString()).isEqualTo("150000");
        assertThat(new Money(new BigDecimal("1E+3"), UGX).amount().toString()).isEqualTo("1000");
    }
}
