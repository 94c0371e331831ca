package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code invoices} (owned by the billing services; this service voids and sums them). */
@MappedEntity("invoices")
public record InvoiceRow(
        @EmbeddedId BillingRecordKey key,
        String customerId,
        String status,
        String currency,
        BigDecimal amountDue,
        BigDecimal amountPaid,
        Instant createdAt,
        @Nullable Instant voidedAt) {
}
