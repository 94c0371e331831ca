package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** A customer's two billing totals: those of {@link BillingTotalsSql#COLUMNS}, as kept on its row. */
@Introspected
public record BillingTotals(BigDecimal totalSpent, long activeSubscriptions) {
}
