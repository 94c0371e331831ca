package com.novabilling.adapter.in.rest.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other handler claims (Micronaut's own exceptions keep their more specific handlers): 500
 * {@code internal_error}. The caller gets the request id and nothing internal; the log gets the stack trace.
 */
@Singleton
@Produces(Problems.APPLICATION_PROBLEM_JSON)
public final class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    public static final String DETAIL =
            "An unexpected error occurred. Quote the request id when you contact support.";

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String requestId = RequestIds.of(request);
        LOG.error("Unexpected error answering {} {} (request id {})", request.getMethodName(),
                request.getPath(), requestId, exception);
        return Problems.response(ErrorCode.INTERNAL_ERROR, DETAIL, request);
    }
}
