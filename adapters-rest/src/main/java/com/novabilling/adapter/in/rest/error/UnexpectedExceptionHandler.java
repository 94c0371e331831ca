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

import java.io.IOException;
import java.sql.SQLException;

/**
 * Anything no other handler claims (Micronaut's own exceptions keep their more specific handlers): 500
 * {@code internal_error}. The caller gets the request id and nothing internal; the log gets the stack trace.
 * A lost client connection is no bug: one short INFO line, no stack trace.
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
        if (isClientConnectionProblem(exception)) {
            // an aborted upload or a reset connection: the client's doing, and nobody reads the answer
            LOG.info("Connection lost reading {} {} (request id {}): {}", request.getMethodName(), request.getPath(),
                    requestId, exception.getClass().getSimpleName());
            return Problems.response(ErrorCode.BAD_REQUEST, "The request was not received completely.", request);
        }
        LOG.error("Unexpected error answering {} {} (request id {})", request.getMethodName(),
                request.getPath(), requestId, exception);
        return Problems.response(ErrorCode.INTERNAL_ERROR, DETAIL, request);
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
