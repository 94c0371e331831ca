package com.novabilling.adapter.in.rest.access;

import com.novabilling.domain.access.RateLimit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The tenant's own limit per API key; null: back to the service's default
 */
// A top-level type: a nested one would be named after its Java class in the OpenAPI document.
@Serdeable.Deserializable
@Schema(name = "RateLimitRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record RateLimitRequest(
        @NotNull(message = RateLimitRequest.IS_REQUIRED)
        @Min(value = 1, message = RateLimitRequest.PER_SECOND_RANGE)
        @Max(value = RateLimit.MAX_PER_SECOND, message = RateLimitRequest.PER_SECOND_RANGE)
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "20")
        @Nullable Long perSecond,
        @NotNull(message = RateLimitRequest.IS_REQUIRED)
        @Min(value = 1, message = RateLimitRequest.BURST_RANGE)
        @Max(value = RateLimit.MAX_BURST, message = RateLimitRequest.BURST_RANGE)
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "40")
        @Nullable Long burst) {

    static final String IS_REQUIRED = "is required";
    static final String PER_SECOND_RANGE = "must be between 1 and " + RateLimit.MAX_PER_SECOND;
    static final String BURST_RANGE = "must be between 1 and " + RateLimit.MAX_BURST;
}
