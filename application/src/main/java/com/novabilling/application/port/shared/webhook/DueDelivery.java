package com.novabilling.application.port.shared.webhook;

import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;

/** A delivery claimed for an attempt: {@code attempts} made so far, created at {@code createdAt}. */
public record DueDelivery(DeliveryId id, TenantId tenantId, WebhookEndpointId endpointId, EventId eventId,
                          int attempts, Instant createdAt) {
}
