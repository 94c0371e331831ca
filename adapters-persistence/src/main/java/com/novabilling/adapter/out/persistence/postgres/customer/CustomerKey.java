package com.novabilling.adapter.out.persistence.postgres.customer;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code customers}: every key carries the tenant (distribution column). */
@Embeddable
public record CustomerKey(@MappedProperty("tenant_id") String tenantId, @MappedProperty("id") String id) {
}
