package com.novabilling.application.port.out.event;

import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.event.EventId;

import java.time.Instant;

/**
 * Writes an event's JSON document, {@code {id, type, createdAt, data: {object, ...}}}, with
 * {@code data.object} the customer exactly as the API shows it. Rendering is the API's business, so the
 * application asks for it through this port; the document is rendered once, when the event is recorded.
 */
public interface EventRenderer {

    String customerCreated(EventId id, Instant createdAt, CustomerView customer);

    /** {@code data.previousAttributes}: the old values of the fields that differ between the two. */
    String customerUpdated(EventId id, Instant createdAt, CustomerView after, CustomerView before);

    /** {@code data.object} is the customer as it was just before the delete. */
    String customerDeleted(EventId id, Instant createdAt, CustomerView last, int canceledSubscriptions,
                           int voidedInvoices);
}
