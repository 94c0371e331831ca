package com.novabilling.adapter.out.persistence.postgres.idempotency;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code idempotency_keys}. */
@Embeddable
public record IdempotencyKeyId(@MappedProperty("tenant_id") String tenantId, @MappedProperty("key") String key) {
}
