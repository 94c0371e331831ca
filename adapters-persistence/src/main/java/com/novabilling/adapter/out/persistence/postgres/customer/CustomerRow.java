package com.novabilling.adapter.out.persistence.postgres.customer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;

import java.time.Instant;

/**
 * One row of {@code customers} as stored. {@code metadata} is the text of the {@code jsonb} column
 * ({@link MetadataJson} turns it into the domain's metadata). The generated column {@code search_text} is
 * PostgreSQL's alone and not mapped.
 */
@MappedEntity("customers")
public record CustomerRow(
        @EmbeddedId CustomerKey key,
        @Nullable String externalId,
        String email,
        String name,
        @Nullable String country,
        String currency,
        String status,
        @MappedProperty("metadata") @ColumnTransformer(read = "@.metadata::text", write = "?::jsonb") String metadata,
        Instant createdAt,
        Instant updatedAt) {
}
