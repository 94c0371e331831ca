package com.novabilling.domain.webhook;

import com.novabilling.domain.event.Shown;
import com.novabilling.domain.shared.DomainException;

/** No webhook endpoint with that id in the caller's tenant (also: a malformed id, or another tenant's). */
public final class WebhookEndpointNotFoundException extends DomainException {

    public static final String CODE = "webhook_endpoint_not_found";

    public WebhookEndpointNotFoundException(String rawId) {
        super("No such webhook endpoint: " + Shown.id(rawId));
    }

    @Override
    public String code() {
        return CODE;
    }
}
