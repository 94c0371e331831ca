package com.novabilling.application.port.in.webhook;

import com.novabilling.application.port.shared.webhook.AttemptPage;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.WebhookEndpointId;

public interface ListDeliveryAttemptsQuery {
    int MAX_LIMIT = 100;

    /** The endpoint's attempts, newest first; {@code WebhookEndpointNotFoundException} for an unknown endpoint. */
    AttemptPage list(TenantId tenantId, WebhookEndpointId endpointId, AttemptId startingAfterOrNull, int limit);
}
