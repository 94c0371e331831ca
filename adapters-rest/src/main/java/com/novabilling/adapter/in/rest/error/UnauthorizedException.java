package com.novabilling.adapter.in.rest.error;

/**
 * No valid API key: missing, unknown, revoked or expired. Answered 401 {@code unauthorized}; the answer never
 * says which of these it was.
 */
public final class UnauthorizedException extends ApiException {

    public static final String DETAIL =
            "Authenticate with a valid API key: send the header Authorization: Bearer <your secret key>.";

    public UnauthorizedException() {
        super(DETAIL);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNAUTHORIZED;
    }
}
