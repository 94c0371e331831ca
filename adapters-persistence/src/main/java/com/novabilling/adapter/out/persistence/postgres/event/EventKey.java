package com.novabilling.adapter.out.persistence.postgres.event;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code events}. */
@Embeddable
public record EventKey(@MappedProperty("tenant_id") String tenantId, @MappedProperty("id") String id) {
}
