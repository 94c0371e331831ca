package com.novabilling.adapter.in.rest.error;

import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.RequestViolations;
import com.novabilling.adapter.in.rest.protection.SecurityHeaders;
import com.novabilling.application.port.shared.StoreUnavailableException;
import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.access.ScopeNotHeldException;
import com.novabilling.domain.access.TenantNotFoundException;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.idempotency.IdempotencyKeyInUseException;
import com.novabilling.domain.idempotency.IdempotencyKeyReusedException;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.webhook.WebhookEndpointDisabledException;
import com.novabilling.domain.webhook.WebhookEndpointLimitException;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The error map: every exception that reaches the HTTP layer (from a controller, a filter or the binding of a
 * request) and that Micronaut has no more specific handler for becomes a problem document here, and nowhere
 * else. Controllers and filters throw; they never write an error body. The statuses Micronaut answers by
 * itself (unknown route, wrong method, body too large...) get the same shape from
 * {@link ProblemErrorResponseProcessor}.
 *
 * <ul>
 * <li>the adapter's own {@link ApiException}s: 401 (with {@code WWW-Authenticate}), 403 (also
 *     {@code cors_origin_not_allowed}), 400 {@code malformed_json}, 429 {@code rate_limited} and
 *     {@code too_many_failed_authentications} (with {@code Retry-After});
 * <li>a request body's constraint violations ({@code @Valid}), with what the domain refuses in the same body:
 *     400 {@code validation_failed} listing each;
 * <li>the domain's errors: 400 {@code validation_failed} listing each violation, 404, 409 (also
 *     {@code idempotency_key_in_use}, with {@code Retry-After}), 403 for a scope not held, 422
 *     {@code idempotency_key_reused}, and 422 with the domain's own code for one this map does not know yet;
 * <li>the out-port's {@link StoreUnavailableException} (the persistence adapter classified it): 503 with
 *     {@code Retry-After};
 * <li>a lost client connection: 400, one INFO line, no stack trace;
 * <li>anything else: 500 {@code internal_error}; the caller gets the request id, the log the stack trace.
 * </ul>
 */
@Singleton
@Produces(Problems.APPLICATION_PROBLEM_JSON)
public final class ProblemExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    public static final String DETAIL =
            "An unexpected error occurred. Quote the request id when you contact support.";
    public static final String UNAVAILABLE_DETAIL =
            "The service cannot reach its database right now. Retry in a few seconds.";
    public static final String OUTCOME_UNKNOWN_DETAIL = "The database connection was lost while this change was being"
            + " committed: it may or may not have been saved. Retry with the same Idempotency-Key to get the real outcome"
            + " (without one, look the resource up before sending the change again).";
    static final String RETRY_AFTER_SECONDS = "5";
    /** A request holding an idempotency key usually ends within a second. */
    static final String IN_USE_RETRY_AFTER_SECONDS = "1";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String requestId = RequestIds.of(request);
        if (exception instanceof ApiException api) {
            MutableHttpResponse<Problem> response = respond(
                    Problems.problem(api.errorCode(), api.detail(), requestId), request);
            if (api instanceof UnauthorizedException unauthorized) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + unauthorized.realm() + "\"");
            }
            if (api instanceof ThrottledException throttled) {
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            }
            return response;
        }
        if (exception instanceof ConstraintViolationException invalid) {
            return respond(Problems.validation(violationsOf(invalid), requestId), request);
        }
        if (exception instanceof DomainException domain) {
            MutableHttpResponse<Problem> response = respond(toProblem(domain, requestId), request);
            if (domain instanceof IdempotencyKeyInUseException) {
                response.header(HttpHeaders.RETRY_AFTER, IN_USE_RETRY_AFTER_SECONDS);
            }
            return response;
        }
        StoreUnavailableException unavailable = storeUnavailable(exception);
        if (unavailable != null) {
            LOG.warn("Database unreachable answering {} {} (request id {}{}): {}", request.getMethodName(),
                    request.getPath(), requestId, unavailable.outcomeUnknown() ? ", outcome unknown" : "",
                    rootCause(exception));
            String detail = unavailable.outcomeUnknown() ? OUTCOME_UNKNOWN_DETAIL : UNAVAILABLE_DETAIL;
            return respond(Problems.problem(ErrorCode.SERVICE_UNAVAILABLE, detail, requestId), request)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (isClientConnectionProblem(exception)) {
            // an aborted upload or a reset connection: the client's doing, and nobody reads the answer
            LOG.info("Connection lost reading {} {} (request id {}): {}", request.getMethodName(), request.getPath(),
                    requestId, exception.getClass().getSimpleName());
            return respond(Problems.problem(ErrorCode.BAD_REQUEST, "The request was not received completely.",
                    requestId), request);
        }
        LOG.error("Unexpected error answering {} {} (request id {})", request.getMethodName(), request.getPath(),
                requestId, exception);
        return respond(Problems.problem(ErrorCode.INTERNAL_ERROR, DETAIL, requestId), request);
    }

    /**
     * The problem's response, with {@code X-Request-Id} and the {@link SecurityHeaders}: errors raised before
     * the filters that add them (a cross-origin request refused before routing) carry them too.
     */
    private static MutableHttpResponse<Problem> respond(Problem problem, HttpRequest<?> request) {
        MutableHttpResponse<Problem> response = Problems.response(problem);
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
        SecurityHeaders.apply(request.getPath(), response.getHeaders());
        return response;
    }

    /**
     * The constraint violations of a request body bound with {@code @Valid}, and with them what the domain
     * refuses in the same body ({@link RequestViolations}): every broken rule in one answer.
     */
    static List<Violation> violationsOf(ConstraintViolationException exception) {
        Set<ConstraintViolation<?>> violations = exception.getConstraintViolations();
        JsonRequest body = violations == null ? null : violations.stream()
                .flatMap(v -> v.getExecutableParameters() == null ? Stream.of(v.getLeafBean())
                        : Stream.concat(Arrays.stream(v.getExecutableParameters()), Stream.of(v.getLeafBean())))
                .filter(JsonRequest.class::isInstance)
                .map(JsonRequest.class::cast)
                .findFirst()
                .orElse(null);
        return RequestViolations.merge(List.of(), violations == null ? Set.of() : violations, body);
    }

    public static Problem toProblem(DomainException exception, String requestId) {
        if (exception instanceof DomainValidationException invalid) {
            return Problems.validation(invalid.violations(), requestId);
        }
        ErrorCode code = codeOf(exception);
        if (code != null) {
            return Problems.problem(code, exception.getMessage() + ".", requestId);
        }
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY.getCode(), exception.code(),
                Problems.titleOf(exception.code()), exception.getMessage(), requestId, null);
    }

    private static ErrorCode codeOf(DomainException exception) {
        if (exception instanceof CustomerNotFoundException) {
            return ErrorCode.CUSTOMER_NOT_FOUND;
        }
        if (exception instanceof CustomerEmailTakenException) {
            return ErrorCode.CUSTOMER_EMAIL_TAKEN;
        }
        if (exception instanceof CustomerExternalIdTakenException) {
            return ErrorCode.CUSTOMER_EXTERNAL_ID_TAKEN;
        }
        if (exception instanceof ApiKeyNotFoundException) {
            return ErrorCode.API_KEY_NOT_FOUND;
        }
        if (exception instanceof TenantNotFoundException) {
            return ErrorCode.TENANT_NOT_FOUND;
        }
        if (exception instanceof ScopeNotHeldException) {
            return ErrorCode.FORBIDDEN;
        }
        if (exception instanceof IdempotencyKeyInUseException) {
            return ErrorCode.IDEMPOTENCY_KEY_IN_USE;
        }
        if (exception instanceof IdempotencyKeyReusedException) {
            return ErrorCode.IDEMPOTENCY_KEY_REUSED;
        }
        if (exception instanceof EventNotFoundException) {
            return ErrorCode.EVENT_NOT_FOUND;
        }
        if (exception instanceof WebhookEndpointNotFoundException) {
            return ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND;
        }
        if (exception instanceof WebhookEndpointLimitException) {
            return ErrorCode.WEBHOOK_ENDPOINT_LIMIT_REACHED;
        }
        if (exception instanceof WebhookEndpointDisabledException) {
            return ErrorCode.WEBHOOK_ENDPOINT_DISABLED;
        }
        return null;
    }

    /**
     * The client's connection failed while its request was read or answered (closed mid-body, reset, broken
     * pipe): an {@link IOException} in the cause chain that does not come from the database driver (those are
     * wrapped in an {@link SQLException} or classified as {@link StoreUnavailableException} before).
     */
    static boolean isClientConnectionProblem(Throwable exception) {
        boolean io = false;
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return false;
            }
            io |= t instanceof IOException;
        }
        return io;
    }

    /** The out-port's exception, possibly wrapped (by a proxy, an executor); null if there is none. */
    static StoreUnavailableException storeUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** The innermost cause, for one log line without a stack trace. */
    private static String rootCause(Throwable exception) {
        Throwable t = exception;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
