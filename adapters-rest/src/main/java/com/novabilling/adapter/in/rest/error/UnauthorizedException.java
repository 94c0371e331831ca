package com.novabilling.adapter.in.rest.error;

/**
 * No valid API key: missing, unknown, revoked or expired. Answered 401 {@code unauthorized}; the answer never
 * says which of these it was.
 */
public final class UnauthorizedException extends ApiException {

    public static final String DETAIL =
            "Authenticate with a valid API key: send the header Authorization: Bearer <your secret key>.";

    /** The realm of tenant API keys. */
    public static final String API_REALM = "novabilling";
    /** The realm of the operator token (/api/admin). */
    public static final String ADMIN_REALM = "novabilling-admin";

    private final String realm;

    public UnauthorizedException() {
        this(API_REALM);
    }

    public UnauthorizedException(String realm) {
        this(realm, DETAIL);
    }

    /** For a credential other than an API key, whose detail says what to send. */
    public UnauthorizedException(String realm, String detail) {
        super(detail);
        this.realm = realm;
    }

    /** Named in the answer's {@code WWW-Authenticate: Bearer realm="..."}. */
    public String realm() {
        return realm;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNAUTHORIZED;
    }
}
