package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** The two columns of {@link BillingTotalsSql#COLUMNS}. */
@Introspected
public record BillingTotals(BigDecimal totalSpent, long activeSubscriptions) {
}
