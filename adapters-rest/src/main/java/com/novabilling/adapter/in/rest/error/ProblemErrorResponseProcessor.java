package com.novabilling.adapter.in.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.novabilling.adapter.in.rest.protection.SecurityHeaders;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.NettyHttpRequestBuilder;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;

/**
 * Replaces Micronaut's default error body (its {@code DefaultErrorResponseProcessor}, the
 * {@code @DefaultImplementation} of {@link ErrorResponseProcessor}) so that the errors Micronaut answers by
 * itself (unknown route, wrong method or media type, body too large, unparsable JSON, its own 500s) have
 * the same problem+json shape as ours. Details are fixed texts: Micronaut's messages can echo the request
 * or, for 500s, internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        String requestId = RequestIds.of(context.getRequest());
        // set here as well as by RequestIdFilter: requests Netty cannot decode (URL or headers too long) get
        // their error without passing any filter
        response.getHeaders().set(RequestIds.HEADER, requestId);
        SecurityHeaders.apply(context.getRequest().getPath(), response.getHeaders());
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        if (response.code() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() && requestLineTooLong(context.getRequest())) {
            response.status(HttpStatus.REQUEST_URI_TOO_LONG);
        }
        Problem problem = problemFor(response, context.getRootCause().orElse(null), requestId);
        return response.body(problem).contentType(Problems.APPLICATION_PROBLEM_JSON_TYPE);
    }

    static Problem problemFor(MutableHttpResponse<?> response, Throwable cause, String requestId) {
        int status = response.code();
        return switch (status) {
            case 400 -> isJsonSyntaxError(cause)
                    ? Problems.problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.", requestId)
                    : cause instanceof UnsatisfiedBodyRouteException
                    // an empty body where a JSON request is read (a body of whitespace reaches the reader)
                    ? Problems.problem(ErrorCode.MALFORMED_JSON, MalformedJsonException.NOT_AN_OBJECT, requestId)
                    : Problems.problem(ErrorCode.BAD_REQUEST, "The request could not be understood.", requestId);
            case 401 -> Problems.problem(ErrorCode.UNAUTHORIZED, UnauthorizedException.DETAIL, requestId);
            case 403 -> Problems.problem(ErrorCode.FORBIDDEN, "This API key may not do this.", requestId);
            case 404 -> Problems.problem(ErrorCode.NOT_FOUND, "Nothing here: check the method and path.", requestId);
            case 405 -> Problems.problem(ErrorCode.METHOD_NOT_ALLOWED, methodNotAllowedDetail(response), requestId);
            case 406 -> Problems.problem(ErrorCode.NOT_ACCEPTABLE,
                    "This resource answers application/json only.", requestId);
            case 413 -> Problems.problem(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request is larger than this server accepts: its body or headers are too long.", requestId);
            case 414 -> Problems.problem(ErrorCode.URI_TOO_LONG,
                    "The request line is longer than this server accepts (4 KiB): shorten the path or query.",
                    requestId);
            case 415 -> Problems.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as JSON, with Content-Type: application/json.", requestId);
            default -> status >= 500
                    ? Problems.problem(status, ErrorCode.INTERNAL_ERROR.code(), ErrorCode.INTERNAL_ERROR.title(),
                            ProblemExceptionHandler.DETAIL, requestId, null)
                    : other(status, requestId);
        };
    }

    private static Problem other(int status, String requestId) {
        HttpStatus known;
        try {
            known = HttpStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return Problems.problem(status, "http_" + status, "HTTP " + status, "The request failed.", requestId,
                    null);
        }
        return Problems.problem(status, Problems.codeOf(known), known.getReason(), known.getReason() + ".",
                requestId, null);
    }

    /**
     * Micronaut answers every request Netty could not decode because a part was too long with 413, and passes
     * no cause along; the Netty request it made still carries the decoder's failure, which tells an over-long
     * request line (URL) from over-long headers.
     */
    static boolean requestLineTooLong(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequestBuilder netty)) {
            return false;
        }
        DecoderResult result = netty.toHttpRequestWithoutBody().decoderResult();
        return result != null && result.isFailure() && result.cause() instanceof TooLongHttpLineException;
    }

    private static String methodNotAllowedDetail(MutableHttpResponse<?> response) {
        String allowed = String.join(", ", response.getHeaders().getAll(HttpHeaders.ALLOW));
        return allowed.isEmpty()
                ? "This method is not allowed here."
                : "This method is not allowed here. Allowed: " + allowed + ".";
    }

    private static boolean isJsonSyntaxError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonSyntaxException || t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }
}
