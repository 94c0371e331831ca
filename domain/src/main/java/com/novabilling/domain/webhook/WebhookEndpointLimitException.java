package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainException;

/** A tenant holds the most endpoints it may; every write fans out to each of them. */
public final class WebhookEndpointLimitException extends DomainException {

    public static final String CODE = "webhook_endpoint_limit_reached";

    public WebhookEndpointLimitException(int limit) {
        super("A tenant may have at most " + limit + " webhook endpoints; delete one first");
    }

    @Override
    public String code() {
        return CODE;
    }
}
