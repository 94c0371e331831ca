package com.novabilling.adapter.out.persistence.postgres.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** One row of {@code api_keys}: the SHA-256 of the secret and its display prefix, never a secret. */
@MappedEntity("api_keys")
public record ApiKeyRow(
        @EmbeddedId ApiKeyKey key,
        String name,
        @TypeDef(type = DataType.BYTE_ARRAY) byte[] secretSha256,
        String displayPrefix,
        @TypeDef(type = DataType.STRING_ARRAY) String[] scopes,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {
}
