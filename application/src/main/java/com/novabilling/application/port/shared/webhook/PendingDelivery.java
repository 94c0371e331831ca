package com.novabilling.application.port.shared.webhook;

import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/** A new delivery of an event to an endpoint, due at {@code createdAt}. */
public record PendingDelivery(DeliveryId id, TenantId tenantId, WebhookEndpointId endpointId, EventId eventId,
                              Instant createdAt) {

    /** One delivery of {@code event} to each of {@code endpoints}, due at {@code at}, its id made from {@code random}. */
    public static List<PendingDelivery> toEach(Collection<WebhookEndpoint> endpoints, Event event, Instant at,
                                               RandomGenerator random) {
        return endpoints.stream()
                .map(e -> new PendingDelivery(DeliveryId.generate(at, random), event.tenantId(), e.id(), event.id(), at))
                .toList();
    }
}
