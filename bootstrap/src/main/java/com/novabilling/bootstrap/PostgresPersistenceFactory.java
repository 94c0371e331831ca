package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.idempotency.IdempotencyKeyRowRepository;
import com.novabilling.adapter.out.persistence.postgres.idempotency.PostgresIdempotencyStore;
import com.novabilling.adapter.out.persistence.postgres.access.ApiKeyRowRepository;
import com.novabilling.adapter.out.persistence.postgres.access.PostgresApiKeyStore;
import com.novabilling.adapter.out.persistence.postgres.access.PostgresTenantStore;
import com.novabilling.adapter.out.persistence.postgres.access.TenantRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.PostgresBillingRecords;
import com.novabilling.adapter.out.persistence.postgres.billing.PostgresBillingTotalsAudit;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.CustomerRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerReadModel;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerRepository;
import com.novabilling.adapter.out.persistence.postgres.event.EventRowRepository;
import com.novabilling.adapter.out.persistence.postgres.event.PostgresEventStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.PostgresDeliveryStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.PostgresWebhookEndpointStore;
import com.novabilling.adapter.out.persistence.postgres.webhook.WebhookEndpointRowRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * The out-ports on PostgreSQL ({@code novabilling.persistence=postgres}, the default): the adapters of
 * {@code adapters-persistence}'s {@code postgres} package over Micronaut Data's repositories and the
 * datasource {@code default} (embedded unless {@code DATASOURCES_DEFAULT_URL} names one).
 */
@Factory
@Requires(property = Persistence.PROPERTY, value = "postgres", defaultValue = "postgres")
class PostgresPersistenceFactory {

    @Singleton
    PostgresCustomerRepository customerRepository(CustomerRowRepository rows, JdbcOperations jdbc) {
        return new PostgresCustomerRepository(rows, jdbc);
    }

    @Singleton
    PostgresCustomerReadModel customerReadModel(JdbcOperations jdbc) {
        return new PostgresCustomerReadModel(jdbc);
    }

    @Singleton
    PostgresBillingRecords billingRecords(SubscriptionRowRepository subscriptions, InvoiceRowRepository invoices) {
        return new PostgresBillingRecords(subscriptions, invoices);
    }

    @Singleton
    PostgresBillingTotalsAudit billingTotalsAudit(JdbcOperations jdbc) {
        return new PostgresBillingTotalsAudit(jdbc);
    }

    /** Also the customers' {@code TenantDefaults}. */
    @Singleton
    PostgresTenantStore tenantStore(TenantRowRepository rows) {
        return new PostgresTenantStore(rows);
    }

    @Singleton
    PostgresApiKeyStore apiKeyStore(ApiKeyRowRepository rows) {
        return new PostgresApiKeyStore(rows);
    }

    @Singleton
    PostgresIdempotencyStore idempotencyStore(IdempotencyKeyRowRepository rows, JdbcOperations jdbc) {
        return new PostgresIdempotencyStore(rows, jdbc);
    }

    @Singleton
    PostgresEventStore eventStore(EventRowRepository rows, JdbcOperations jdbc) {
        return new PostgresEventStore(rows, jdbc);
    }

    @Singleton
    PostgresWebhookEndpointStore webhookEndpointStore(WebhookEndpointRowRepository rows) {
        return new PostgresWebhookEndpointStore(rows);
    }

    @Singleton
    PostgresDeliveryStore deliveryStore(JdbcOperations jdbc) {
        return new PostgresDeliveryStore(jdbc);
    }
}
