package com.novabilling.adapter.in.rest.openapi;

import com.novabilling.adapter.in.rest.error.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers every operation of the API can give, for the OpenAPI document: put on a controller,
 * micronaut-openapi adds them to each of its operations. Operation-specific ones (403, 404, 409) stay on
 * the operations or the controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(responseCode = "400", description = "validation_failed (errors names every offending field), malformed_json or bad_request",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "validation_failed", value = ProblemExamples.VALIDATION_FAILED)))
@ApiResponse(responseCode = "401", description = "unauthorized: missing, unknown, revoked or expired key or token",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes JSON",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "not_acceptable", value = ProblemExamples.NOT_ACCEPTABLE)))
@ApiResponse(responseCode = "413", description = "payload_too_large: the body exceeds 1 MiB, or the headers 8 KiB",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "payload_too_large", value = ProblemExamples.PAYLOAD_TOO_LARGE)))
@ApiResponse(responseCode = "414", description = "uri_too_long: the request line exceeds 4 KiB",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "uri_too_long", value = ProblemExamples.URI_TOO_LONG)))
@ApiResponse(responseCode = "415", description = "unsupported_media_type: the body is not JSON",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unsupported_media_type", value = ProblemExamples.UNSUPPORTED_MEDIA_TYPE)))
@ApiResponse(responseCode = "429", description = "rate_limited: this API key is over its rate limit, or "
        + "too_many_failed_authentications: this address failed to authenticate too often; retry after Retry-After seconds",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "rate_limited", value = ProblemExamples.RATE_LIMITED)))
@ApiResponse(responseCode = "500", description = "internal_error: a bug; quote the requestId",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "internal_error", value = ProblemExamples.INTERNAL_ERROR)))
@ApiResponse(responseCode = "503", description = "service_unavailable: the database is unreachable; retry after Retry-After seconds",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "service_unavailable", value = ProblemExamples.SERVICE_UNAVAILABLE)))
public @interface ProblemResponses {
}
