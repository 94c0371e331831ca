package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

public interface RotateWebhookSecretUseCase {
    /** Issues a new secret at once; deliveries from now on are signed with it. */
    WebhookEndpoint rotate(TenantId tenantId, WebhookEndpointId id);
}
