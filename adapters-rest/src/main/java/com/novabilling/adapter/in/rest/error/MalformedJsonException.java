package com.novabilling.adapter.in.rest.error;

/** The request body is not the JSON the endpoint reads (e.g. an array where an object belongs). 400 {@code malformed_json}. */
public final class MalformedJsonException extends ApiException {

    public static final String NOT_AN_OBJECT = "The request body must be a JSON object.";

    public MalformedJsonException(String detail) {
        super(detail);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MALFORMED_JSON;
    }
}
