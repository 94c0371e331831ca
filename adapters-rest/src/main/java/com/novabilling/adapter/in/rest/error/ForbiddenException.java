package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.access.Scope;

import java.util.Objects;

/** The API key is valid but lacks the scope the endpoint needs. Answered 403 {@code forbidden}, naming the scope. */
public final class ForbiddenException extends ApiException {

    private final Scope missing;

    public ForbiddenException(Scope missing) {
        super("This API key lacks the scope " + Objects.requireNonNull(missing, "missing").wireName()
                + " that this operation needs.");
        this.missing = missing;
    }

    public Scope missing() {
        return missing;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.FORBIDDEN;
    }
}
