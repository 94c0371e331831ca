package com.novabilling.adapter.out.persistence.postgres.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One row of {@code tenants}; the two rate-limit columns are both null (the service default) or both set (V3). */
@MappedEntity("tenants")
public record TenantRow(@Id String id, String name, String defaultCurrency, String status, Instant createdAt,
                        @Nullable Integer rateLimitPerSecond, @Nullable Integer rateLimitBurst) {
}
