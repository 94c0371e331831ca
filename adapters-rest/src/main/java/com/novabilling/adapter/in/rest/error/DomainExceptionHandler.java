package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.access.ScopeNotHeldException;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.DomainValidationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Every error the domain raises on purpose: 400 {@code validation_failed} listing each violation, 404
 * {@code customer_not_found}, 409 {@code customer_email_taken} / {@code customer_external_id_taken}, 404
 * {@code api_key_not_found}, 403 {@code forbidden} (a key granting scopes it does not hold). A domain error
 * this adapter does not know yet is a 422 with the domain's own code and message.
 */
@Singleton
@Produces(Problems.APPLICATION_PROBLEM_JSON)
public final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        return Problems.response(toProblem(exception, RequestIds.of(request)));
    }

    static Problem toProblem(DomainException exception, String requestId) {
        if (exception instanceof DomainValidationException invalid) {
            return Problems.validation(invalid.violations(), requestId);
        }
        if (exception instanceof CustomerNotFoundException) {
            return Problems.problem(ErrorCode.CUSTOMER_NOT_FOUND, exception.getMessage() + ".", requestId);
        }
        if (exception instanceof CustomerEmailTakenException) {
            return Problems.problem(ErrorCode.CUSTOMER_EMAIL_TAKEN, exception.getMessage() + ".", requestId);
        }
        if (exception instanceof CustomerExternalIdTakenException) {
            return Problems.problem(ErrorCode.CUSTOMER_EXTERNAL_ID_TAKEN, exception.getMessage() + ".", requestId);
        }
        if (exception instanceof ApiKeyNotFoundException) {
            return Problems.problem(ErrorCode.API_KEY_NOT_FOUND, exception.getMessage() + ".", requestId);
        }
        if (exception instanceof ScopeNotHeldException) {
            return Problems.problem(ErrorCode.FORBIDDEN, exception.getMessage() + ".", requestId);
        }
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY.getCode(), exception.code(),
                Problems.titleOf(exception.code()), exception.getMessage(), requestId, null);
    }
}
