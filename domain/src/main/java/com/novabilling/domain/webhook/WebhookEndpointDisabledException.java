package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainException;

/** A redelivery asked for an endpoint that is disabled (enable it first). */
public final class WebhookEndpointDisabledException extends DomainException {

    public static final String CODE = "webhook_endpoint_disabled";

    public WebhookEndpointDisabledException(WebhookEndpointId id) {
        super("Webhook endpoint " + id.value() + " is disabled; enable it first");
    }

    @Override
    public String code() {
        return CODE;
    }
}
