package com.novabilling.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An API key on the wire. {@code secret} is present only in the answer to the key's creation; everywhere
 * else the field is absent, and {@code prefix} ({@code sk_live_AbCd}) is what identifies the key.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyResponse(
        String id,
        String name,
        List<String> scopes,
        String prefix,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        String createdAt,
        String lastUsedAt,
        String expiresAt,
        String revokedAt) {

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
    public record ListResponse(List<ApiKeyResponse> data) {
    }
}
