package com.novabilling.adapter.in.rest.error;

/**
 * A browser request from an origin this service does not serve (403 {@code cors_origin_not_allowed}):
 * cross-origin requests are refused unless the origin is listed in {@code NOVABILLING_CORS_ALLOWED_ORIGINS}.
 */
public final class CorsOriginNotAllowedException extends ApiException {

    public CorsOriginNotAllowedException(String detail) {
        super(detail);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.CORS_ORIGIN_NOT_ALLOWED;
    }
}
