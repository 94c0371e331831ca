package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * A tenant's rate limit in {@code PATCH /api/admin/tenants/{id}}, for the OpenAPI document only. A top-level
 * type: a property annotated with {@code @Schema} names a nested type's schema after the Java class
 * ({@code RequestSchemas.RateLimit}), which generated clients would carry.
 */
@Schema(name = "RateLimitRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record RateLimitRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "100000", example = "20")
        long perSecond,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "1000000", example = "40")
        long burst) {
}
