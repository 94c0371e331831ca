package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code subscriptions} and {@code invoices}. */
@Embeddable
public record BillingRecordKey(@MappedProperty("tenant_id") String tenantId, @MappedProperty("id") String id) {
}
