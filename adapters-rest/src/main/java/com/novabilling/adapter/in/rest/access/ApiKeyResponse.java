package com.novabilling.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/**
 * An API key on the wire. {@code secret} is present only in the answer to the key's creation; everywhere
 * else the field is absent, and {@code prefix} ({@code sk_live_AbCd}) is what identifies the key.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ApiKey")
public record ApiKeyResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "key_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "checkout service") String name,
        @Schema(requiredMode = RequiredMode.REQUIRED) List<String> scopes,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The secret's first 12 characters, to recognise it", example = "sk_live_AbCd") String prefix,
        @Schema(description = "The secret: in the creation answer only, never again") @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "date-time", description = "Precise to about a minute") String lastUsedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "date-time") String expiresAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "date-time") String revokedAt) {

    public static ApiKeyResponse from(ApiKey key) {
        return from(key, null);
    }

    public static ApiKeyResponse created(IssuedApiKey issued) {
        return from(issued.key(), issued.secret().value());
    }

    private static ApiKeyResponse from(ApiKey key, String secret) {
        return new ApiKeyResponse(key.id().value(), key.name(),
                key.scopes().stream().map(Scope::wireName).sorted().toList(), key.displayPrefix(), secret,
                Timestamps.format(key.createdAt()), key.lastUsedAt().map(Timestamps::format).orElse(null),
                key.expiresAt().map(Timestamps::format).orElse(null), key.revokedAt().map(Timestamps::format).orElse(null));
    }

    @Serdeable
    @Schema(name = "ApiKeyList")
    public record ListResponse(@Schema(requiredMode = RequiredMode.REQUIRED) List<ApiKeyResponse> data) {
    }
}
