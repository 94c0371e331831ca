package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Deliveries and attempts in memory, with the PostgreSQL adapter's rules: a claim is a lease, a claimed
 * delivery is not claimed again until it is released, recorded or its lease ends; recording moves the delivery
 * and adds the attempt together; deleting an endpoint or an event removes its deliveries and their attempts.
 * The store's lock makes each call atomic, which is what {@code FOR UPDATE SKIP LOCKED} gives on PostgreSQL.
 */
public final class MemoryDeliveryStore implements DeliveryStore {

    private final MemoryStore store;

    public MemoryDeliveryStore(MemoryStore store) {
        this.store = store;
    }

    /** One row of deliveries; replaced, never changed in place, so an undo can put the old one back. */
    record Delivery(String tenantId, String id, String endpointId, String eventId, String status, int attempts,
                    Instant createdAt, Instant nextAttemptAt, Instant claimedUntil) {

        Delivery with(String newStatus, int newAttempts, Instant newNextAttemptAt, Instant newClaimedUntil) {
            return new Delivery(tenantId, id, endpointId, eventId, newStatus, newAttempts, createdAt, newNextAttemptAt,
                    newClaimedUntil);
        }

        boolean dueAndFree(Instant now) {
            return status.equals("pending") && !nextAttemptAt.isAfter(now)
                    && (claimedUntil == null || claimedUntil.isBefore(now));
        }

        DueDelivery due() {
            return new DueDelivery(new DeliveryId(id), new TenantId(tenantId), new WebhookEndpointId(endpointId),
                    new EventId(eventId), attempts, createdAt);
        }
    }

    /** Removes the deliveries matching {@code which} and their attempts (the cascades), undoably. */
    static void removeDeliveries(MemoryStore store, Predicate<Delivery> which) {
        List<Map.Entry<RowKey, Delivery>> gone = store.deliveries.entrySet().stream()
                .filter(e -> which.test(e.getValue())).toList();
        for (Map.Entry<RowKey, Delivery> entry : gone) {
            store.deliveries.remove(entry.getKey());
            store.undo(() -> store.deliveries.put(entry.getKey(), entry.getValue()));
            List<Map.Entry<RowKey, DeliveryAttempt>> attempts = store.attempts.entrySet().stream()
                    .filter(a -> a.getKey().tenantId().equals(entry.getKey().tenantId())
                            && a.getValue().deliveryId().value().equals(entry.getKey().id()))
                    .toList();
            for (Map.Entry<RowKey, DeliveryAttempt> attempt : attempts) {
                store.attempts.remove(attempt.getKey());
                store.undo(() -> store.attempts.put(attempt.getKey(), attempt.getValue()));
            }
        }
    }

    private void put(RowKey key, Delivery next) {
        Delivery before = store.deliveries.put(key, next);
        store.undo(() -> {
            if (before == null) {
                store.deliveries.remove(key);
            } else {
                store.deliveries.put(key, before);
            }
        });
    }

    @Override
    public void enqueue(List<PendingDelivery> deliveries) {
        store.write(() -> {
            for (PendingDelivery d : deliveries) {
                RowKey key = new RowKey(d.tenantId().value(), d.id().value());
                if (store.deliveries.containsKey(key)
                        || !store.events.containsKey(new RowKey(d.tenantId().value(), d.eventId().value()))
                        || !store.webhookEndpoints.containsKey(new RowKey(d.tenantId().value(), d.endpointId().value()))) {
                    throw new IllegalStateException("a delivery stored twice, or of an event or endpoint not stored: "
                            + d.id());
                }
                put(key, new Delivery(d.tenantId().value(), d.id().value(), d.endpointId().value(),
                        d.eventId().value(), "pending", 0, d.createdAt(), d.createdAt(), null));
            }
            return null;
        });
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int max, Collection<WebhookEndpointId> saturated) {
        Set<String> skip = saturated.stream().map(WebhookEndpointId::value).collect(Collectors.toSet());
        return store.write(() -> {
            List<Map.Entry<RowKey, Delivery>> due = store.deliveries.entrySet().stream()
                    .filter(e -> e.getValue().dueAndFree(now) && !skip.contains(e.getValue().endpointId()))
                    .sorted(Comparator.comparing((Map.Entry<RowKey, Delivery> e) -> e.getValue().nextAttemptAt()))
                    .limit(max)
                    .toList();
            List<DueDelivery> claimed = new ArrayList<>();
            for (Map.Entry<RowKey, Delivery> e : due) {
                Delivery d = e.getValue();
                put(e.getKey(), d.with(d.status(), d.attempts(), d.nextAttemptAt(), claimedUntil));
                claimed.add(d.due());
            }
            return claimed;
        });
    }

    @Override
    public void release(Collection<DueDelivery> deliveries) {
        store.write(() -> {
            for (DueDelivery due : deliveries) {
                RowKey key = new RowKey(due.tenantId().value(), due.id().value());
                Delivery d = store.deliveries.get(key);
                if (d != null && d.status().equals("pending")) {
                    put(key, d.with(d.status(), d.attempts(), d.nextAttemptAt(), null));
                }
            }
            return null;
        });
    }

    @Override
    public void record(DeliveryAttempt a) {
        store.write(() -> {
            RowKey key = new RowKey(a.tenantId().value(), a.deliveryId().value());
            Delivery d = store.deliveries.get(key);
            if (d == null) {
                return null;
            }
            String status = switch (a.outcome()) {
                case DELIVERED -> "delivered";
                case RETRYING -> "pending";
                case FAILED -> "failed";
            };
            put(key, d.with(status, a.attempt(),
                    a.outcome() == AttemptOutcome.RETRYING ? a.nextRetryAt() : d.nextAttemptAt(), null));
            RowKey attemptKey = new RowKey(a.tenantId().value(), a.id().value());
            store.attempts.put(attemptKey, a);
            store.undo(() -> store.attempts.remove(attemptKey));
            return null;
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(TenantId tenantId, WebhookEndpointId endpointId, AttemptId startingAfter,
                                          int limit) {
        return store.read(() -> store.attempts.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.endpointId().equals(endpointId))
                .filter(a -> startingAfter == null || a.id().value().compareTo(startingAfter.value()) < 0)
                .sorted(Comparator.comparing((DeliveryAttempt a) -> a.id().value()).reversed())
                .limit(limit)
                .toList());
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return store.read(() -> store.deliveries.values().stream()
                .filter(d -> d.dueAndFree(now))
                .map(Delivery::nextAttemptAt)
                .min(Comparator.naturalOrder()));
    }
}
