package com.novabilling.adapter.out.persistence.postgres.webhook;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.contract.EventsAndWebhooksContract;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The events, endpoints and deliveries contract on a real PostgreSQL (V6). */
class PostgresEventsAndWebhooksContractTest extends EventsAndWebhooksContract {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    @Override
    protected EventStore events() {
        return postgres.events();
    }

    @Override
    protected WebhookEndpointStore endpoints() {
        return postgres.endpoints();
    }

    @Override
    protected DeliveryStore deliveries() {
        return postgres.deliveries();
    }

    @Override
    protected TenantStore tenants() {
        return postgres.tenants();
    }

    @Override
    protected CustomerRepository customers() {
        return postgres.customers();
    }
}
