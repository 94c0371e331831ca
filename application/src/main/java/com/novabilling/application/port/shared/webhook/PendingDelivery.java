package com.novabilling.application.port.shared.webhook;

import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;

/** A new delivery of an event to an endpoint, due at {@code createdAt}. */
public record PendingDelivery(DeliveryId id, TenantId tenantId, WebhookEndpointId endpointId, EventId eventId,
                              Instant createdAt) {
}
