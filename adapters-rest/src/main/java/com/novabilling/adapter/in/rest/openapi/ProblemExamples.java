package com.novabilling.adapter.in.rest.openapi;

/**
 * One example problem document per error status of the OpenAPI document, each with the {@code code} that
 * status carries (the codes are the ones {@code ErrorCode} defines; OpenApiEndToEndTest checks each example
 * against the status it documents).
 */
public final class ProblemExamples {

    private ProblemExamples() {
    }


    public static final String VALIDATION_FAILED = "{\"type\": \"https://docs.novabilling.dev/errors/validation_failed\", "
            + "\"title\": \"Validation failed\", \"status\": 400, \"detail\": \"The request has 2 invalid fields; see errors.\", "
            + "\"code\": \"validation_failed\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\", \"errors\": ["
            + "{\"field\": \"email\", \"message\": \"must be a valid email address\"}, "
            + "{\"field\": \"metadata.plan\", \"message\": \"must be a string, a number or a boolean\"}]}";
    public static final String UNAUTHORIZED = "{\"type\": \"https://docs.novabilling.dev/errors/unauthorized\", "
            + "\"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"Missing or invalid API key.\", "
            + "\"code\": \"unauthorized\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String FORBIDDEN = "{\"type\": \"https://docs.novabilling.dev/errors/forbidden\", "
            + "\"title\": \"Forbidden\", \"status\": 403, \"detail\": \"This API key lacks the scope customers:write.\", "
            + "\"code\": \"forbidden\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String CUSTOMER_NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/customer_not_found\", "
            + "\"title\": \"Customer not found\", \"status\": 404, \"detail\": \"No customer cust_01jq3v6x9c4m2k8d7f5h1n0p2r.\", "
            + "\"code\": \"customer_not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String API_KEY_NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/api_key_not_found\", "
            + "\"title\": \"API key not found\", \"status\": 404, \"detail\": \"No API key key_01jq3v6x9c4m2k8d7f5h1n0p2r.\", "
            + "\"code\": \"api_key_not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/not_found\", "
            + "\"title\": \"Not found\", \"status\": 404, \"detail\": \"No such resource.\", "
            + "\"code\": \"not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String NOT_ACCEPTABLE = "{\"type\": \"https://docs.novabilling.dev/errors/not_acceptable\", "
            + "\"title\": \"Not acceptable\", \"status\": 406, \"detail\": \"This endpoint answers application/json only.\", "
            + "\"code\": \"not_acceptable\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String EMAIL_TAKEN = "{\"type\": \"https://docs.novabilling.dev/errors/customer_email_taken\", "
            + "\"title\": \"Email already in use\", \"status\": 409, \"detail\": \"A customer with this email already exists.\", "
            + "\"code\": \"customer_email_taken\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String PAYLOAD_TOO_LARGE = "{\"type\": \"https://docs.novabilling.dev/errors/payload_too_large\", "
            + "\"title\": \"Payload too large\", \"status\": 413, \"detail\": \"The request body exceeds 1 MiB.\", "
            + "\"code\": \"payload_too_large\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String URI_TOO_LONG = "{\"type\": \"https://docs.novabilling.dev/errors/uri_too_long\", "
            + "\"title\": \"URI too long\", \"status\": 414, \"detail\": \"The request line exceeds 4 KiB.\", "
            + "\"code\": \"uri_too_long\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String UNSUPPORTED_MEDIA_TYPE = "{\"type\": \"https://docs.novabilling.dev/errors/unsupported_media_type\", "
            + "\"title\": \"Unsupported media type\", \"status\": 415, \"detail\": \"Send the body as application/json.\", "
            + "\"code\": \"unsupported_media_type\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String INTERNAL_ERROR = "{\"type\": \"https://docs.novabilling.dev/errors/internal_error\", "
            + "\"title\": \"Internal error\", \"status\": 500, \"detail\": \"An unexpected error occurred. Quote the request id when you contact support.\", "
            + "\"code\": \"internal_error\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String SERVICE_UNAVAILABLE = "{\"type\": \"https://docs.novabilling.dev/errors/service_unavailable\", "
            + "\"title\": \"Service unavailable\", \"status\": 503, \"detail\": \"The service cannot reach its database right now. Retry in a few seconds.\", "
            + "\"code\": \"service_unavailable\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String IDEMPOTENCY_KEY_IN_USE = "{\"type\": \"https://docs.novabilling.dev/errors/idempotency_key_in_use\", "
            + "\"title\": \"Idempotency key in use\", \"status\": 409, \"detail\": \"A request with this Idempotency-Key is still being processed; retry after it completes.\", "
            + "\"code\": \"idempotency_key_in_use\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String IDEMPOTENCY_KEY_REUSED = "{\"type\": \"https://docs.novabilling.dev/errors/idempotency_key_reused\", "
            + "\"title\": \"Idempotency key reused\", \"status\": 422, \"detail\": \"This Idempotency-Key was already used for a different request; use a new key for a new request.\", "
            + "\"code\": \"idempotency_key_reused\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String REQUEST_TIMEOUT = "{\"type\": \"https://docs.novabilling.dev/errors/request_timeout\", "
            + "\"title\": \"Request timeout\", \"status\": 408, \"detail\": \"The request body did not arrive within 30 seconds.\", "
            + "\"code\": \"request_timeout\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String RATE_LIMITED = "{\"type\": \"https://docs.novabilling.dev/errors/rate_limited\", "
            + "\"title\": \"Rate limit exceeded\", \"status\": 429, \"detail\": \"This API key is over its rate limit. Retry after 1 second.\", "
            + "\"code\": \"rate_limited\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String TENANT_NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/tenant_not_found\", "
            + "\"title\": \"Tenant not found\", \"status\": 404, \"detail\": \"No tenant has this id.\", "
            + "\"code\": \"tenant_not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String EVENT_NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/event_not_found\", "
            + "\"title\": \"Event not found\", \"status\": 404, \"detail\": \"No such event: evt_01jq3v6x9c4m2k8d7f5h1n0p2r.\", "
            + "\"code\": \"event_not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String WEBHOOK_ENDPOINT_NOT_FOUND = "{\"type\": \"https://docs.novabilling.dev/errors/webhook_endpoint_not_found\", "
            + "\"title\": \"Webhook endpoint not found\", \"status\": 404, \"detail\": \"No such webhook endpoint: we_01jq3v6x9c4m2k8d7f5h1n0p2r.\", "
            + "\"code\": \"webhook_endpoint_not_found\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String WEBHOOK_ENDPOINT_LIMIT_REACHED = "{\"type\": \"https://docs.novabilling.dev/errors/webhook_endpoint_limit_reached\", "
            + "\"title\": \"Webhook endpoint limit reached\", \"status\": 409, \"detail\": \"A tenant may have at most 16 webhook endpoints; delete one first.\", "
            + "\"code\": \"webhook_endpoint_limit_reached\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
    public static final String WEBHOOK_ENDPOINT_DISABLED = "{\"type\": \"https://docs.novabilling.dev/errors/webhook_endpoint_disabled\", "
            + "\"title\": \"Webhook endpoint disabled\", \"status\": 409, \"detail\": \"Webhook endpoint we_01jq3v6x9c4m2k8d7f5h1n0p2r is disabled; enable it first.\", "
            + "\"code\": \"webhook_endpoint_disabled\", \"requestId\": \"req_01jq3v6x9c4m2k8d7f5h1n0p2r\"}";
}
