package com.novabilling.adapter.in.rest.error;

/**
 * An error the REST adapter itself raises (authentication, authorization, unreadable body). The message is
 * the problem's {@code detail} and is shown to the caller, so it never holds secrets or internals.
 */
public abstract sealed class ApiException extends RuntimeException
        permits UnauthorizedException, ForbiddenException, MalformedJsonException, ThrottledException,
        CorsOriginNotAllowedException {

    protected ApiException(String detail) {
        super(detail, null, false, false);
    }

    public abstract ErrorCode errorCode();

    public String detail() {
        return getMessage();
    }
}
