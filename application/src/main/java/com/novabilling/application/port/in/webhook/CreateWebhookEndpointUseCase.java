package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.webhook.WebhookEndpoint;

public interface CreateWebhookEndpointUseCase {
    /** A new endpoint with a new secret; the URL is checked against the destination policy (DNS included). */
    WebhookEndpoint create(CreateWebhookEndpointCommand command);
}
