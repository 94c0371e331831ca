package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code subscriptions} (owned by the billing services; this service cancels and counts them). */
@MappedEntity("subscriptions")
public record SubscriptionRow(
        @EmbeddedId BillingRecordKey key,
        String customerId,
        String status,
        Instant createdAt,
        @Nullable Instant canceledAt) {
}
