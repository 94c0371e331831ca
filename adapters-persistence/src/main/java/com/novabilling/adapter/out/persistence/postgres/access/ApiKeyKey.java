package com.novabilling.adapter.out.persistence.postgres.access;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code api_keys}. */
@Embeddable
public record ApiKeyKey(@MappedProperty("tenant_id") String tenantId, @MappedProperty("id") String id) {
}
