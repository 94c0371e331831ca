package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

public interface DeleteWebhookEndpointUseCase {
    /** Deletes it with its pending deliveries and attempts; returns it as it was. */
    WebhookEndpoint delete(TenantId tenantId, WebhookEndpointId id);
}
