package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.webhook.WebhookEndpoint;

public interface UpdateWebhookEndpointUseCase {
    WebhookEndpoint update(UpdateWebhookEndpointCommand command);
}
