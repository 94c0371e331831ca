package com.novabilling.application.service.event;

import com.novabilling.application.port.out.event.EventRenderer;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The transactional outbox, as the customer write services use it: renders the event, appends it and queues
 * one delivery per enabled endpoint of the tenant that receives its type, all through out-ports that take
 * part in the caller's transaction. A write that rolls back therefore leaves neither event nor delivery.
 * A create is the exception: {@link #newCustomerCreated} only renders its event, and the create's out-port
 * stores customer, event and deliveries (same rule) in one atomic write.
 */
public final class EventRecorder {

    private final EventStore events;
    private final EventRenderer renderer;
    private final WebhookEndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final Clock clock;
    private final RandomGenerator random;

    public EventRecorder(EventStore events, EventRenderer renderer, WebhookEndpointStore endpoints,
                         DeliveryStore deliveries, Clock clock, RandomGenerator random) {
        this.events = events;
        this.renderer = renderer;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
        this.random = random;
    }

    /**
     * The {@code customer.created} event of a new customer, rendered but NOT stored: a create hands it to
     * {@code CustomerRepository.insertCreated}, which stores the customer, the event and its deliveries in one
     * write (on PostgreSQL one statement, so a create needs no transaction).
     */
    public Event newCustomerCreated(CustomerView customer) {
        return newEvent(customer.customer().tenantId(), EventType.CUSTOMER_CREATED,
                (id, at) -> renderer.customerCreated(id, at, customer));
    }

    public Event customerUpdated(CustomerView before, CustomerView after) {
        return record(after.customer().tenantId(), EventType.CUSTOMER_UPDATED,
                (id, at) -> renderer.customerUpdated(id, at, after, before));
    }

    public Event customerDeleted(CustomerView last, int canceledSubscriptions, int voidedInvoices) {
        return record(last.customer().tenantId(), EventType.CUSTOMER_DELETED,
                (id, at) -> renderer.customerDeleted(id, at, last, canceledSubscriptions, voidedInvoices));
    }

    private interface Render {
        String body(EventId id, Instant at);
    }

    private Event newEvent(TenantId tenantId, EventType type, Render render) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EventId id = EventId.generate(now, random);
        return new Event(id, tenantId, type, now, render.body(id, now));
    }

    private Event record(TenantId tenantId, EventType type, Render render) {
        Event event = newEvent(tenantId, type, render);
        events.append(event);
        List<PendingDelivery> queued = PendingDelivery.toEach(
                endpoints.list(tenantId).stream().filter(e -> e.receives(type)).toList(), event, event.createdAt(), random);
        if (!queued.isEmpty()) {
            deliveries.enqueue(queued);
        }
        return event;
    }
}
