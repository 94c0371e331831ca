package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.util.List;

public interface GetWebhookEndpointQuery {
    WebhookEndpoint get(TenantId tenantId, WebhookEndpointId id);

    /** Newest first. */
    List<WebhookEndpoint> list(TenantId tenantId);
}
