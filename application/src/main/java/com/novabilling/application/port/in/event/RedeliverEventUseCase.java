package com.novabilling.application.port.in.event;

import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.util.List;

public interface RedeliverEventUseCase {
    /**
     * Queues a new delivery of the event: to {@code endpointOrNull} (even one not subscribed to its type; it
     * must be enabled), or to every enabled endpoint of the tenant that receives its type. Returns the
     * endpoints it was queued for.
     */
    List<WebhookEndpointId> redeliver(TenantId tenantId, EventId eventId, WebhookEndpointId endpointOrNull);
}
