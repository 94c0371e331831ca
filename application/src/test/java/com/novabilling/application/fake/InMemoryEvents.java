package com.novabilling.application.fake;

import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service tests' fake of the outbox, endpoint and delivery out-ports: plain maps, no transactions. */
public final class InMemoryEvents implements EventStore, WebhookEndpointStore, DeliveryStore {

    public final Map<String, Event> events = new LinkedHashMap<>();
    public final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    /**
     * Each endpoint's secret as of its last insert or update: the endpoints are kept by reference, so this is what
     * tells a change that was written through the port from one that was only made on the object.
     */
    public final Map<String, String> savedSecrets = new LinkedHashMap<>();
    public final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    public final List<DeliveryAttempt> attempts = new ArrayList<>();

    /** A delivery's state as the fake keeps it. */
    public static final class Delivery {
        public final PendingDelivery pending;
        public String status = "pending";
        public int attempts;
        public Instant nextAttemptAt;
        public Instant claimedUntil;

        Delivery(PendingDelivery pending) {
            this.pending = pending;
            this.nextAttemptAt = pending.createdAt();
        }
    }

    @Override
    public synchronized void append(Event event) {
        events.put(event.id().value(), event);
    }

    @Override
    public synchronized Optional<Event> find(TenantId tenantId, EventId eventId) {
        return Optional.ofNullable(events.get(eventId.value())).filter(e -> e.tenantId().equals(tenantId));
    }

    @Override
    public synchronized List<Event> list(EventListCriteria c) {
        return events.values().stream()
                .filter(e -> e.tenantId().equals(c.tenantId()))
                .filter(e -> c.typeOrNull() == null || e.type() == c.typeOrNull())
                .filter(e -> c.startingAfterOrNull() == null || e.id().value().compareTo(c.startingAfterOrNull().value()) < 0)
                .sorted(Comparator.comparing((Event e) -> e.id().value()).reversed())
                .limit(c.limit() + 1L).toList();
    }

    @Override
    public synchronized int purgeCreatedBefore(Instant cutoff, int batch) {
        List<String> old = events.values().stream().filter(e -> e.createdAt().isBefore(cutoff)).limit(batch)
                .map(e -> e.id().value()).toList();
        old.forEach(events::remove);
        deliveries.values().removeIf(d -> old.contains(d.pending.eventId().value()));
        return old.size();
    }

    @Override
    public synchronized void insert(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id().value(), endpoint);
        savedSecrets.put(endpoint.id().value(), endpoint.secret().value());
    }

    @Override
    public synchronized Optional<WebhookEndpoint> find(TenantId tenantId, WebhookEndpointId id) {
        return Optional.ofNullable(endpoints.get(id.value())).filter(e -> e.tenantId().equals(tenantId));
    }

    @Override
    public synchronized List<WebhookEndpoint> list(TenantId tenantId) {
        return endpoints.values().stream().filter(e -> e.tenantId().equals(tenantId))
                .sorted(Comparator.comparing((WebhookEndpoint e) -> e.id().value()).reversed()).toList();
    }

    @Override
    public synchronized void update(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id().value(), endpoint);
        savedSecrets.put(endpoint.id().value(), endpoint.secret().value());
    }

    @Override
    public synchronized void disable(TenantId tenantId, WebhookEndpointId id, Instant at) {
        find(tenantId, id).ifPresent(e -> e.disable(at));
    }

    @Override
    public synchronized boolean delete(TenantId tenantId, WebhookEndpointId id) {
        if (find(tenantId, id).isEmpty()) {
            return false;
        }
        endpoints.remove(id.value());
        deliveries.values().removeIf(d -> d.pending.endpointId().equals(id));
        return true;
    }

    @Override
    public synchronized void enqueue(List<PendingDelivery> pending) {
        pending.forEach(p -> deliveries.put(p.id().value(), new Delivery(p)));
    }

    @Override
    public synchronized List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int max,
                                                   Collection<WebhookEndpointId> saturated) {
        List<DueDelivery> claimed = new ArrayList<>();
        deliveries.values().stream()
                .filter(d -> d.status.equals("pending") && !d.nextAttemptAt.isAfter(now))
                .filter(d -> d.claimedUntil == null || d.claimedUntil.isBefore(now))
                .filter(d -> !saturated.contains(d.pending.endpointId()))
                .sorted(Comparator.comparing((Delivery d) -> d.nextAttemptAt))
                .limit(max)
                .forEach(d -> {
                    d.claimedUntil = claimedUntil;
                    claimed.add(due(d));
                });
        return claimed;
    }

    private static DueDelivery due(Delivery d) {
        PendingDelivery p = d.pending;
        return new DueDelivery(p.id(), p.tenantId(), p.endpointId(), p.eventId(), d.attempts, p.createdAt());
    }

    @Override
    public synchronized void release(Collection<DueDelivery> claimed) {
        claimed.forEach(c -> Optional.ofNullable(deliveries.get(c.id().value())).ifPresent(d -> d.claimedUntil = null));
    }

    @Override
    public synchronized void record(DeliveryAttempt attempt) {
        Delivery d = deliveries.get(attempt.deliveryId().value());
        if (d == null) {
            return;
        }
        attempts.add(attempt);
        d.attempts++;
        d.claimedUntil = null;
        d.status = switch (attempt.outcome()) {
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
            case RETRYING -> "pending";
        };
        if (attempt.outcome() == AttemptOutcome.RETRYING) {
            d.nextAttemptAt = attempt.nextRetryAt();
        }
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(TenantId tenantId, WebhookEndpointId endpointId,
                                                       AttemptId startingAfter, int limit) {
        return attempts.stream().filter(a -> a.tenantId().equals(tenantId) && a.endpointId().equals(endpointId))
                .filter(a -> startingAfter == null || a.id().value().compareTo(startingAfter.value()) < 0)
                .sorted(Comparator.comparing((DeliveryAttempt a) -> a.id().value()).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> oldestDue(Instant now) {
        return deliveries.values().stream()
                .filter(d -> d.status.equals("pending") && !d.nextAttemptAt.isAfter(now))
                .filter(d -> d.claimedUntil == null || d.claimedUntil.isBefore(now))
                .map(d -> d.nextAttemptAt).min(Comparator.naturalOrder());
    }

    public synchronized Delivery delivery(DeliveryId id) {
        return deliveries.get(id.value());
    }

    public synchronized List<Event> allEvents() {
        return List.copyOf(events.values());
    }
}
