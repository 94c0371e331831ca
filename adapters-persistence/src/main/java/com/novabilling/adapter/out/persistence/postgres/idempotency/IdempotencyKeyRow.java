package com.novabilling.adapter.out.persistence.postgres.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One row of {@code idempotency_keys}: a key, its request's fingerprint and the answer as sent. */
@MappedEntity("idempotency_keys")
public record IdempotencyKeyRow(
        @EmbeddedId IdempotencyKeyId id,
        String fingerprint,
        int status,
        String contentType,
        @TypeDef(type = DataType.BYTE_ARRAY) byte[] body,
        @Nullable String location,
        Instant createdAt) {
}
