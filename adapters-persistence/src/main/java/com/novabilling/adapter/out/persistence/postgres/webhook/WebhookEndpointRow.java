package com.novabilling.adapter.out.persistence.postgres.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One row of {@code webhook_endpoints}; {@code events} holds wire names or {@code *}. */
@MappedEntity("webhook_endpoints")
public record WebhookEndpointRow(
        @EmbeddedId WebhookEndpointKey key,
        String url,
        @TypeDef(type = DataType.STRING_ARRAY) String[] events,
        @Nullable String description,
        boolean enabled,
        String secret,
        Instant createdAt,
        Instant updatedAt) {
}
