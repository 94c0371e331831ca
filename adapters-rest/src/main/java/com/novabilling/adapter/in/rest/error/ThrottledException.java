package com.novabilling.adapter.in.rest.error;

/**
 * A 429: the caller sent too much, and nothing of its request was executed. Answered with
 * {@code Retry-After} ({@link #retryAfterSeconds()}, at least 1).
 */
public final class ThrottledException extends ApiException {

    private final ErrorCode errorCode;
    private final long retryAfterSeconds;

    private ThrottledException(ErrorCode errorCode, String detail, long retryAfterSeconds) {
        super(detail);
        this.errorCode = errorCode;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** 429 {@code rate_limited}: this API key used up its requests for now. */
    public static ThrottledException rateLimited(long retryAfterSeconds) {
        return new ThrottledException(ErrorCode.RATE_LIMITED,
                "This API key sent more requests than its rate limit allows; retry after Retry-After seconds.",
                retryAfterSeconds);
    }

    /** 429 {@code too_many_failed_authentications}: this address failed to authenticate too often. */
    public static ThrottledException tooManyFailedAuthentications(long retryAfterSeconds) {
        return new ThrottledException(ErrorCode.TOO_MANY_FAILED_AUTHENTICATIONS,
                "Too many failed authentications from this address; retry after Retry-After seconds.",
                retryAfterSeconds);
    }

    @Override
    public ErrorCode errorCode() {
        return errorCode;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
