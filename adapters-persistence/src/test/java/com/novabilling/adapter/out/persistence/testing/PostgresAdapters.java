package com.novabilling.adapter.out.persistence.testing;

import com.novabilling.adapter.out.persistence.postgres.idempotency.IdempotencyKeyRowRepository;
import com.novabilling.adapter.out.persistence.postgres.idempotency.PostgresIdempotencyStore;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.function.Supplier;
import com.novabilling.adapter.out.persistence.postgres.event.EventRowRepository;
import com.novabilling.adapter.out.persistence.postgres.event.PostgresEventStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.PostgresDeliveryStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.PostgresWebhookEndpointStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.WebhookEndpointRowRepository;

import com.novabilling.adapter.out.persistence.postgres.access.ApiKeyRowRepository;
import com.novabilling.adapter.out.persistence.postgres.access.PostgresApiKeyStore;
import com.novabilling.adapter.out.persistence.postgres.access.PostgresTenantStore;
import com.novabilling.adapter.out.persistence.postgres.access.TenantRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.PostgresBillingRecords;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.CustomerRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerReadModel;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

/**
 * The PostgreSQL adapters on a database of their own in the test JVM's embedded server (migrated by Flyway),
 * built as bootstrap builds them: over Micronaut Data's repositories and {@link JdbcOperations}.
 */
public final class PostgresAdapters implements AutoCloseable {

    private final ApplicationContext context;
    public final PostgresCustomerRepository customers;
    public final PostgresCustomerReadModel readModel;
    public final PostgresBillingRecords billing;
    public final PostgresTenantStore tenants;
    public final PostgresApiKeyStore keys;
    public final PostgresIdempotencyStore idempotency;
    public final TestJdbc sql;
    public final PostgresEventStore events;
    public final PostgresWebhookEndpointStore endpoints;
    public final PostgresDeliveryStore deliveries;

    private PostgresAdapters(ApplicationContext context) {
        this.context = context;
        customers = new PostgresCustomerRepository(context.getBean(CustomerRowRepository.class),
                context.getBean(JdbcOperations.class));
        readModel = new PostgresCustomerReadModel(context.getBean(JdbcOperations.class));
        billing = new PostgresBillingRecords(context.getBean(SubscriptionRowRepository.class),
                context.getBean(InvoiceRowRepository.class));
        tenants = new PostgresTenantStore(context.getBean(TenantRowRepository.class));
        keys = new PostgresApiKeyStore(context.getBean(ApiKeyRowRepository.class));
        idempotency = new PostgresIdempotencyStore(context.getBean(IdempotencyKeyRowRepository.class),
                context.getBean(JdbcOperations.class));
        sql = new TestJdbc(context.getBean(JdbcOperations.class));
        events = new PostgresEventStore(context.getBean(EventRowRepository.class), context.getBean(JdbcOperations.class));
        endpoints = new PostgresWebhookEndpointStore(context.getBean(WebhookEndpointRowRepository.class));
        deliveries = new PostgresDeliveryStore(context.getBean(JdbcOperations.class));
    }

    /** Starts a context on a fresh, migrated database. */
    public static PostgresAdapters onFreshDatabase() {
        return new PostgresAdapters(ApplicationContext.run(TestPostgres.freshDatabase()));
    }

    /** Runs {@code work} in one transaction of the adapters' datasource (rolled back on a runtime exception). */
    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Supplier<T> work) {
        TransactionOperations<Connection> transactions = context.getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeWrite(status -> work.get());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
