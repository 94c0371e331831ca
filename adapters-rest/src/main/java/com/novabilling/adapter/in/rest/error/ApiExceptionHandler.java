package com.novabilling.adapter.in.rest.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The adapter's own errors: 401 {@code unauthorized}, 403 {@code forbidden} and {@code cors_origin_not_allowed},
 * 400 {@code malformed_json}, 429 {@code rate_limited} and {@code too_many_failed_authentications} (with
 * {@code Retry-After}).
 */
@Singleton
@Produces(Problems.APPLICATION_PROBLEM_JSON)
public final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
        MutableHttpResponse<Problem> response = Problems.response(exception.errorCode(), exception.detail(), request);
        if (exception instanceof UnauthorizedException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"novabilling\"");
        }
        if (exception instanceof ThrottledException throttled) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        return response;
    }
}
