package com.novabilling.adapter.in.rest.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

/**
 * micronaut-validation registers its own handler for {@link ConstraintViolationException}, more specific than
 * the error map's, whose answer would be a plain 400; this one replaces it and hands the exception to the one
 * error map ({@link ProblemExceptionHandler}): 400 {@code validation_failed} listing every violation.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
@Produces(Problems.APPLICATION_PROBLEM_JSON)
public final class ConstraintViolationHandler
        implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    private final ProblemExceptionHandler errorMap;

    public ConstraintViolationHandler(ProblemExceptionHandler errorMap) {
        this.errorMap = errorMap;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        return errorMap.handle(request, exception);
    }
}
