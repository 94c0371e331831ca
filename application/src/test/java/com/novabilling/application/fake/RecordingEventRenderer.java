package com.novabilling.application.fake;

import com.novabilling.application.port.out.event.EventRenderer;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.event.EventId;

import java.time.Instant;

/**
 * Renders events as a short, readable line ({@code customer.updated evt_... cust_... email:old->new}) so
 * service tests can check what the application handed to the renderer.
 */
public final class RecordingEventRenderer implements EventRenderer {

    @Override
    public String customerCreated(EventId id, Instant createdAt, CustomerView customer) {
        return "customer.created " + id + " " + customer.customer().id() + " " + customer.customer().email().value();
    }

    @Override
    public String customerUpdated(EventId id, Instant createdAt, CustomerView after, CustomerView before) {
        return "customer.updated " + id + " " + after.customer().id() + " email:" + before.customer().email().value()
                + "->" + after.customer().email().value() + " currency:" + before.customer().currency().value() + "->"
                + after.customer().currency().value() + " totalSpent:" + before.totalSpent().amount().toPlainString()
                + "->" + after.totalSpent().amount().toPlainString();
    }

    @Override
    public String customerDeleted(EventId id, Instant createdAt, CustomerView last, int canceledSubscriptions,
                                  int voidedInvoices) {
        return "customer.deleted " + id + " " + last.customer().id() + " active:" + last.activeSubscriptions()
                + " canceled:" + canceledSubscriptions + " voided:" + voidedInvoices;
    }
}
