package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.idempotency.IdempotencyKeyInUseException;
import com.novabilling.domain.idempotency.IdempotencyKeyReusedException;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.webhook.WebhookEndpointDisabledException;
import com.novabilling.domain.webhook.WebhookEndpointLimitException;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import io.micronaut.http.HttpStatus;

/**
 * The stable machine codes of the API's errors, each with its HTTP status and the problem title (which never
 * changes between occurrences, RFC 9457). The codes are part of the public contract.
 */
public enum ErrorCode {
    VALIDATION_FAILED(DomainValidationException.CODE, HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_JSON("malformed_json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    BAD_REQUEST("bad_request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    CORS_ORIGIN_NOT_ALLOWED("cors_origin_not_allowed", HttpStatus.FORBIDDEN, "Origin not allowed"),
    NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "Not found"),
    CUSTOMER_NOT_FOUND(CustomerNotFoundException.CODE, HttpStatus.NOT_FOUND, "Customer not found"),
    TENANT_NOT_FOUND("tenant_not_found", HttpStatus.NOT_FOUND, "Tenant not found"),
    API_KEY_NOT_FOUND("api_key_not_found", HttpStatus.NOT_FOUND, "API key not found"),
    EVENT_NOT_FOUND(EventNotFoundException.CODE, HttpStatus.NOT_FOUND, "Event not found"),
    WEBHOOK_ENDPOINT_NOT_FOUND(WebhookEndpointNotFoundException.CODE, HttpStatus.NOT_FOUND, "Webhook endpoint not found"),
    METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not_acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CUSTOMER_EMAIL_TAKEN(CustomerEmailTakenException.CODE, HttpStatus.CONFLICT, "Email already in use"),
    CUSTOMER_EXTERNAL_ID_TAKEN(CustomerExternalIdTakenException.CODE, HttpStatus.CONFLICT,
            "External id already in use"),
    WEBHOOK_ENDPOINT_LIMIT_REACHED(WebhookEndpointLimitException.CODE, HttpStatus.CONFLICT,
            "Webhook endpoint limit reached"),
    WEBHOOK_ENDPOINT_DISABLED(WebhookEndpointDisabledException.CODE, HttpStatus.CONFLICT, "Webhook endpoint disabled"),
    PAYLOAD_TOO_LARGE("payload_too_large", HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Payload too large"),
    URI_TOO_LONG("uri_too_long", HttpStatus.REQUEST_URI_TOO_LONG, "URI too long"),
    REQUEST_TIMEOUT("request_timeout", HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
    IDEMPOTENCY_KEY_IN_USE(IdempotencyKeyInUseException.CODE, HttpStatus.CONFLICT, "Idempotency key in use"),
    IDEMPOTENCY_KEY_REUSED(IdempotencyKeyReusedException.CODE, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED("rate_limited", HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
    TOO_MANY_FAILED_AUTHENTICATIONS("too_many_failed_authentications", HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed authentications"),
    INTERNAL_ERROR("internal_error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    SERVICE_UNAVAILABLE("service_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ErrorCode(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The wire form, e.g. {@code validation_failed}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
