package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.access.Scope;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void validationListsEveryViolation() {
        Problem problem = ProblemExceptionHandler.toProblem(new DomainValidationException(List.of(
                new Violation("email", "is required"), new Violation("metadata.plan", "must be a string"))), "req_1");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.type()).isEqualTo("https://docs.novabilling.dev/errors/validation_failed");
        assertThat(problem.requestId()).isEqualTo("req_1");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("email", "is required"),
                new Problem.FieldError("metadata.plan", "must be a string"));
    }

    @Test
    void fieldNamesNeverCarryControlCharactersOrEndlessText() {
        Problem problem = Problems.validation(List.of(new Violation("metadata.a\u0000b\u2028\ud800", "bad"),
                new Violation("x".repeat(500), "unknown field")), "r");

        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactly("metadata.a?b??", "x".repeat(Problems.MAX_SHOWN_FIELD) + "...");
    }

    @Test
    void violationsCanBeReportedUnderTheRequestFieldName() {
        Violations violations = new Violations();
        violations.attempt(() -> Violations.as("defaultCurrency", () -> {
            throw new DomainValidationException("currency", "must be an active ISO 4217 currency code");
        }));

        assertThat(violations.list()).containsExactly(
                new Violation("defaultCurrency", "must be an active ISO 4217 currency code"));
    }

    @Test
    void otherProblemsCarryNoErrorList() {
        Problem problem = ProblemExceptionHandler.toProblem(new CustomerNotFoundException("x".repeat(100)), "req_1");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.code()).isEqualTo("customer_not_found");
        assertThat(problem.errors()).isNull();
        assertThat(problem.detail()).doesNotContain("x".repeat(65));
    }

    @Test
    void conflictsAre409WithTheirOwnCodes() {
        assertThat(ProblemExceptionHandler.toProblem(new CustomerEmailTakenException(Email.of("a@example.com")), "r"))
                .extracting(Problem::status, Problem::code).containsExactly(409, "customer_email_taken");
        assertThat(ProblemExceptionHandler.toProblem(new CustomerExternalIdTakenException(ExternalId.of("e")), "r"))
                .extracting(Problem::status, Problem::code).containsExactly(409, "customer_external_id_taken");
    }

    @Test
    void anUnknownDomainErrorKeepsItsCode() {
        DomainException unknown = new DomainException("Plan is archived") {
            @Override
            public String code() {
                return "plan_archived";
            }
        };

        Problem problem = ProblemExceptionHandler.toProblem(unknown, "r");

        assertThat(problem).extracting(Problem::status, Problem::code, Problem::title)
                .containsExactly(422, "plan_archived", "Plan archived");
    }

    @Test
    void forbiddenNamesTheMissingScope() {
        assertThat(new ForbiddenException(Scope.CUSTOMERS_WRITE).detail()).contains("customers:write");
        assertThat(new ForbiddenException(Scope.CUSTOMERS_WRITE).errorCode()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void unauthorizedNeverSaysWhy() {
        assertThat(new UnauthorizedException().detail()).doesNotContainIgnoringCase("revoked")
                .doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("unknown");
    }

    @Test
    void derivesACodeForAStatusWithoutItsOwn() {
        assertThat(Problems.codeOf(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE))
                .isEqualTo("request_header_fields_too_large");
        assertThat(Problems.codeOf(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("service_unavailable");
    }

    @Test
    void theErrorCodesMatchTheDomainsCodes() {
        assertThat(ErrorCode.VALIDATION_FAILED.code()).isEqualTo(DomainValidationException.CODE);
        assertThat(ErrorCode.CUSTOMER_NOT_FOUND.code()).isEqualTo(CustomerNotFoundException.CODE);
        assertThat(ErrorCode.CUSTOMER_EMAIL_TAKEN.code()).isEqualTo(CustomerEmailTakenException.CODE);
        assertThat(ErrorCode.CUSTOMER_EXTERNAL_ID_TAKEN.code()).isEqualTo(CustomerExternalIdTakenException.CODE);
    }
}
