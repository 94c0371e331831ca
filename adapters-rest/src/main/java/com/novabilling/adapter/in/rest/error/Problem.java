package com.novabilling.adapter.in.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), the body of every error the API answers.
 * {@code type} is a stable URI per {@code code}; {@code requestId} is the request's {@code X-Request-Id};
 * {@code errors} lists every broken rule and is present only for validation errors.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Problem", description = "RFC 9457 problem details, the body of every error")
public record Problem(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", example = "https://docs.novabilling.dev/errors/validation_failed") String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Validation failed") String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "400", maximum = "599", example = "400") int status,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "The request has 1 invalid field; see errors.") String detail,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "validation_failed", description = """
                Stable machine code, e.g. validation_failed, malformed_json, bad_request, unauthorized, forbidden, \
                cors_origin_not_allowed, not_found, customer_not_found, tenant_not_found, api_key_not_found, \
                rate_limited, too_many_failed_authentications, method_not_allowed, not_acceptable, \
                customer_email_taken, customer_external_id_taken, payload_too_large, uri_too_long, \
                unsupported_media_type, internal_error, service_unavailable. A string, not an enum: new codes may \
                be added, and a client must not fail on one it does not know.""")
        String code,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Also in the X-Request-Id header; quote it to support", example = "req_01jq3v6x9c4m2k8d7f5h1n0p2r")
        String requestId,
        @Schema(description = "Every offending input, for validation_failed only")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String TYPE_BASE = "https://docs.novabilling.dev/errors/";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** One broken rule: the input it concerns ({@code email}, {@code metadata.plan}, {@code page}) and what is wrong. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The input: a field, a JSON path (metadata.plan) or a query parameter", example = "email")
            String field,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "must be a valid email address") String message) {
    }
}
