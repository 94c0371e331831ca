package com.novabilling.application.service.event;

import com.novabilling.application.port.in.event.RedeliverEventUseCase;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointDisabledException;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.random.RandomGenerator;

/** Sends an event again: a new delivery (with a new 3-day retry window) per endpoint. */
public final class RedeliverEventService implements RedeliverEventUseCase {

    private final EventStore events;
    private final WebhookEndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final Clock clock;
    private final RandomGenerator random;

    public RedeliverEventService(EventStore events, WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                 Clock clock, RandomGenerator random) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public List<WebhookEndpointId> redeliver(TenantId tenantId, EventId eventId, WebhookEndpointId endpointOrNull) {
        Event event = events.find(tenantId, eventId).orElseThrow(() -> new EventNotFoundException(eventId.value()));
        List<WebhookEndpoint> targets;
        if (endpointOrNull != null) {
            WebhookEndpoint endpoint = endpoints.find(tenantId, endpointOrNull)
                    .orElseThrow(() -> new WebhookEndpointNotFoundException(endpointOrNull.value()));
            if (!endpoint.enabled()) {
                throw new WebhookEndpointDisabledException(endpoint.id());
            }
            targets = List.of(endpoint);
        } else {
            targets = endpoints.list(tenantId).stream().filter(e -> e.receives(event.type())).toList();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<PendingDelivery> queued = PendingDelivery.toEach(targets, event, now, random);
        if (!queued.isEmpty()) {
            deliveries.enqueue(queued);
        }
        return targets.stream().map(WebhookEndpoint::id).toList();
    }
}
