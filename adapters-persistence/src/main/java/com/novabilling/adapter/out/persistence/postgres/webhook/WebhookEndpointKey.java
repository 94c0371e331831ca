package com.novabilling.adapter.out.persistence.postgres.webhook;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of {@code webhook_endpoints}. */
@Embeddable
public record WebhookEndpointKey(@MappedProperty("tenant_id") String tenantId, @MappedProperty("id") String id) {
}
