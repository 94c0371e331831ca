package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.Text;

/** No webhook endpoint with that id in the caller's tenant (also: a malformed id, or another tenant's). */
public final class WebhookEndpointNotFoundException extends DomainException {

    public static final String CODE = "webhook_endpoint_not_found";

    public WebhookEndpointNotFoundException(String rawId) {
        super("No such webhook endpoint: " + Text.shown(rawId, Text.SHOWN_ID_LENGTH));
    }

    @Override
    public String code() {
        return CODE;
    }
}
