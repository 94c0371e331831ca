package com.novabilling.adapter.in.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}), the body of every error the API answers.
 * {@code type} is a stable URI per {@code code}; {@code requestId} is the request's {@code X-Request-Id};
 * {@code errors} lists every broken rule and is present only for validation errors.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String TYPE_BASE = "https://docs.novabilling.dev/errors/";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** One broken rule: the input it concerns ({@code email}, {@code metadata.plan}, {@code page}) and what is wrong. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String message) {
    }
}
