package com.novabilling.bootstrap.webhook;

import com.novabilling.adapter.in.rest.event.EventDocuments;
import com.novabilling.application.port.out.event.EventRenderer;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.event.EventId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The application's {@link EventRenderer} out-port answered by the REST adapter's {@link EventDocuments}: the
 * event JSON is written with the API's own mapping ({@code CustomerResponse}), so {@code data.object} is what
 * {@code GET /api/customers/{id}} shows. Bootstrap joins the two because the application may not know the REST
 * adapter, and the REST adapter implements no out-port.
 */
@Singleton
final class JsonEventRenderer implements EventRenderer {

    private final EventDocuments documents;

    JsonEventRenderer(JsonMapper json) {
        this.documents = new EventDocuments(json);
    }

    @Override
    public String customerCreated(EventId id, Instant createdAt, CustomerView customer) {
        return documents.customerCreated(id, createdAt, customer);
    }

    @Override
    public String customerUpdated(EventId id, Instant createdAt, CustomerView after, CustomerView before) {
        return documents.customerUpdated(id, createdAt, after, before);
    }

    @Override
    public String customerDeleted(EventId id, Instant createdAt, CustomerView last, int canceledSubscriptions,
                                  int voidedInvoices) {
        return documents.customerDeleted(id, createdAt, last, canceledSubscriptions, voidedInvoices);
    }
}
