package com.novabilling.adapter.out.persistence.testing;

import com.novabilling.adapter.out.persistence.postgres.idempotency.IdempotencyKeyRowRepository;
import com.novabilling.adapter.out.persistence.postgres.idempotency.PostgresIdempotencyStore;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
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
import com.novabilling.adapter.out.persistence.postgres.billing.BillingRecordKey;
import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRow;
import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.PostgresBillingRecords;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRow;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.CustomerRowRepository;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerReadModel;
import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerRepository;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL adapters on a database of their own in the test JVM's embedded server (migrated by Flyway),
 * built as bootstrap builds them: over Micronaut Data's repositories and {@link JdbcOperations}.
 *
 * <p>A test class gets them, started before its first test and closed after its last, with
 * {@code @RegisterExtension static final PostgresAdapters postgres = PostgresAdapters.perTestClass();}
 * ({@code @Nested} classes share their enclosing class's); {@link #onFreshDatabase()} starts another at once,
 * closed by the caller.
 */
public final class PostgresAdapters implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final AtomicInteger BILLING_IDS = new AtomicInteger();

    private Started started;
    private ExtensionContext startedFor;

    private record Started(ApplicationContext context, PostgresCustomerRepository customers,
                           PostgresCustomerReadModel readModel, PostgresBillingRecords billing,
                           PostgresTenantStore tenants, PostgresApiKeyStore keys, PostgresIdempotencyStore idempotency,
                           TestJdbc sql, PostgresEventStore events, PostgresWebhookEndpointStore endpoints,
                           PostgresDeliveryStore deliveries) {

        static Started on(ApplicationContext context) {
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            return new Started(context,
                    new PostgresCustomerRepository(context.getBean(CustomerRowRepository.class), jdbc),
                    new PostgresCustomerReadModel(jdbc),
                    new PostgresBillingRecords(context.getBean(SubscriptionRowRepository.class),
                            context.getBean(InvoiceRowRepository.class)),
                    new PostgresTenantStore(context.getBean(TenantRowRepository.class)),
                    new PostgresApiKeyStore(context.getBean(ApiKeyRowRepository.class)),
                    new PostgresIdempotencyStore(context.getBean(IdempotencyKeyRowRepository.class), jdbc),
                    new TestJdbc(jdbc),
                    new PostgresEventStore(context.getBean(EventRowRepository.class), jdbc),
                    new PostgresWebhookEndpointStore(context.getBean(WebhookEndpointRowRepository.class)),
                    new PostgresDeliveryStore(jdbc));
        }
    }

    private PostgresAdapters() {
    }

    /** Adapters a test class registers as an extension: a fresh database from its start to its end. */
    public static PostgresAdapters perTestClass() {
        return new PostgresAdapters();
    }

    /** Starts a context on a fresh, migrated database now; the caller closes it. */
    public static PostgresAdapters onFreshDatabase() {
        PostgresAdapters adapters = new PostgresAdapters();
        adapters.start();
        return adapters;
    }

    private void start() {
        started = Started.on(ApplicationContext.run(TestPostgres.freshDatabase()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (started == null) {
            start();
            startedFor = context;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context == startedFor) {
            close();
        }
    }

    private Started started() {
        if (started == null) {
            throw new IllegalStateException("not started: register it with @RegisterExtension on a static field");
        }
        return started;
    }

    public PostgresCustomerRepository customers() {
        return started().customers();
    }

    public PostgresCustomerReadModel readModel() {
        return started().readModel();
    }

    public PostgresBillingRecords billing() {
        return started().billing();
    }

    public PostgresTenantStore tenants() {
        return started().tenants();
    }

    public PostgresApiKeyStore keys() {
        return started().keys();
    }

    public PostgresIdempotencyStore idempotency() {
        return started().idempotency();
    }

    /** Plain SQL on the adapters' datasource. */
    public TestJdbc sql() {
        return started().sql();
    }

    public PostgresEventStore events() {
        return started().events();
    }

    public PostgresWebhookEndpointStore endpoints() {
        return started().endpoints();
    }

    public PostgresDeliveryStore deliveries() {
        return started().deliveries();
    }

    /** Runs {@code work} in one transaction of the adapters' datasource (rolled back on a runtime exception). */
    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Supplier<T> work) {
        TransactionOperations<Connection> transactions = started().context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeWrite(status -> work.get());
    }

    public <T> T bean(Class<T> type) {
        return started().context().getBean(type);
    }

    /**
     * A subscription row of {@code customer}, as the billing services would write it (the triggers keep the totals);
     * its id.
     */
    public String givenSubscription(TenantId tenantId, Customer customer, String status) {
        String id = "sub_" + BILLING_IDS.incrementAndGet();
        bean(SubscriptionRowRepository.class).save(new SubscriptionRow(new BillingRecordKey(tenantId.value(), id),
                customer.id().value(), status, Instant.now(), null));
        return id;
    }

    /** An invoice row of {@code customer} (amount due = amount paid), as the billing services would write it; its id. */
    public String givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                               BigDecimal amountPaid) {
        String id = "inv_" + BILLING_IDS.incrementAndGet();
        bean(InvoiceRowRepository.class).save(new InvoiceRow(new BillingRecordKey(tenantId.value(), id),
                customer.id().value(), status, currency, amountPaid, amountPaid, Instant.now(), null));
        return id;
    }

    @Override
    public void close() {
        if (started != null) {
            started.context().close();
            started = null;
            startedFor = null;
        }
    }
}
