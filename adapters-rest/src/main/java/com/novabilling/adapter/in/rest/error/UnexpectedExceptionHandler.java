package com.novabilling.adapter.in.rest.error;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.http.HttpHeaders;
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

    public static final String UNAVAILABLE_DETAIL =
            "The service cannot reach its database right now. Retry in a few seconds.";
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String requestId = RequestIds.of(request);
        if (isDatabaseUnreachable(exception)) {
            LOG.warn("Database unreachable answering {} {} (request id {}): {}", request.getMethodName(),
                    request.getPath(), requestId, exception.toString());
            return Problems.response(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL, request)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        LOG.error("Unexpected error answering {} {} (request id {})", request.getMethodName(),
                request.getPath(), requestId, exception);
        return Problems.response(ErrorCode.INTERNAL_ERROR, DETAIL, request);
    }

    /**
     * The persistence adapter classifies database failures once and reports an unreachable database as the
     * out-port's {@link StoreUnavailableException}; it may arrive wrapped (e.g. by a proxy).
     */
    static boolean isDatabaseUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
