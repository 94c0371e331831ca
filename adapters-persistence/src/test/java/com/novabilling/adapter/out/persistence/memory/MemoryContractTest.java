package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.application.contract.EventsAndWebhooksContract;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;

import com.novabilling.application.contract.ApiKeyStoreContract;
import com.novabilling.application.contract.BillingTotalsAuditContract;
import com.novabilling.application.contract.CustomerStoreContract;
import com.novabilling.application.contract.TenantStoreContract;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Nested;
import com.novabilling.application.contract.IdempotencyStoreContract;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import io.micronaut.transaction.TransactionDefinition;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every out-port contract on the in-memory adapter, one store per test. */
class MemoryContractTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** A subscription of {@code customer}, as the billing services would add it (shared by the contracts below). */
    private static void addSubscription(MemoryBillingRecords billing, TenantId tenantId, Customer customer,
                                        String status) {
        billing.addSubscription(tenantId, "sub_" + IDS.incrementAndGet(), customer.id(), status);
    }

    /** An invoice of {@code customer} (amount due = amount paid), as the billing services would add it. */
    private static void addInvoice(MemoryBillingRecords billing, TenantId tenantId, Customer customer, String status,
                                   String currency, BigDecimal amountPaid) {
        billing.addInvoice(tenantId, "inv_" + IDS.incrementAndGet(), customer.id(), status, currency, amountPaid,
                amountPaid);
    }

    @Nested
    class Customers extends CustomerStoreContract {

        private final MemoryStore store = new MemoryStore();
        private final MemoryTenantStore tenants = new MemoryTenantStore(store);
        private final MemoryBillingRecords billing = new MemoryBillingRecords(store, Clock.systemUTC());
        private final MemoryCustomerStore customers = new MemoryCustomerStore(store, billing);

        @Override
        protected CustomerRepository repository() {
            return customers;
        }

        @Override
        protected CustomerReadModel readModel() {
            return customers;
        }

        @Override
        protected BillingRecords billingRecords() {
            return billing;
        }

        @Override
        protected TenantId newTenant() {
            TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
            tenants.insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, Instant.now()));
            return id;
        }

        @Override
        protected void givenSubscription(TenantId tenantId, Customer customer, String status) {
            addSubscription(billing, tenantId, customer, status);
        }

        @Override
        protected void givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                                    BigDecimal amountPaid) {
            addInvoice(billing, tenantId, customer, status, currency, amountPaid);
        }

        @Override
        protected List<String> subscriptionStatuses(TenantId tenantId, Customer customer) {
            return billing.subscriptionStatuses(tenantId, customer.id());
        }

        @Override
        protected List<String> invoiceStatuses(TenantId tenantId, Customer customer) {
            return billing.invoiceStatuses(tenantId, customer.id());
        }

        @Test
        void voidedAndCanceledRecordsCarryTheirTimestamps() {
            Customer sarah = com.novabilling.application.fake.CustomerFixtures.aCustomer().in(tenant).build();
            repository().insert(sarah);
            givenSubscription(tenant, sarah, "active");
            givenInvoice(tenant, sarah, "open", "UGX", BigDecimal.ZERO);

            billingRecords().cancelActiveSubscriptions(tenant, sarah.id());
            billingRecords().voidUnpaidInvoices(tenant, sarah.id());

            assertThat(billing.subscriptionStatuses(tenant, sarah.id())).containsExactly("canceled");
            assertThat(billing.closedRecordsAreStamped(tenant, sarah.id())).isTrue();
        }
    }

    @Nested
    class BillingTotals extends BillingTotalsAuditContract {

        private final MemoryStore store = new MemoryStore();
        private final MemoryTransactionManager transactions = new MemoryTransactionManager(store);
        private final MemoryTenantStore tenants = new MemoryTenantStore(store);
        private final MemoryBillingRecords billing = new MemoryBillingRecords(store, Clock.systemUTC());
        private final MemoryCustomerStore customers = new MemoryCustomerStore(store, billing);
        private final MemoryBillingTotalsAudit audit = new MemoryBillingTotalsAudit(store, billing);

        @Override
        protected BillingTotalsAudit audit() {
            return audit;
        }

        @Override
        protected CustomerRepository repository() {
            return customers;
        }

        @Override
        protected CustomerReadModel readModel() {
            return customers;
        }

        @Override
        protected void storeTenant(TenantId id) {
            tenants.insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, Instant.now()));
        }

        @Override
        protected void givenSubscription(TenantId tenantId, Customer customer, String status) {
            addSubscription(billing, tenantId, customer, status);
        }

        @Override
        protected void givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                                    BigDecimal amountPaid) {
            addInvoice(billing, tenantId, customer, status, currency, amountPaid);
        }

        @Override
        protected void corruptTotals(TenantId tenantId, CustomerId customerId, BigDecimal totalSpent,
                                     long activeSubscriptions) {
            audit.corrupt(tenantId, customerId, totalSpent, activeSubscriptions);
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactions.execute(TransactionDefinition.DEFAULT, status -> work.get());
        }
    }

    @Nested
    class Tenants extends TenantStoreContract {

        private final MemoryTenantStore tenants = new MemoryTenantStore(new MemoryStore());

        @Override
        protected TenantStore tenants() {
            return tenants;
        }

        @Override
        protected TenantDefaults tenantDefaults() {
            return tenants;
        }

        @Override
        protected TenantStore emptyTenantStore() {
            return new MemoryTenantStore(new MemoryStore());
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {

        private final MemoryStore store = new MemoryStore();
        private final MemoryTenantStore tenants = new MemoryTenantStore(store);
        private final MemoryApiKeyStore keys = new MemoryApiKeyStore(store);

        @Override
        protected ApiKeyStore keys() {
            return keys;
        }

        @Override
        protected TenantStore tenants() {
            return tenants;
        }
    }

    @Nested
    class Idempotency extends IdempotencyStoreContract {

        private final MemoryStore store = new MemoryStore();
        private final MemoryTransactionManager transactions = new MemoryTransactionManager(store);
        private final MemoryTenantStore tenants = new MemoryTenantStore(store);
        private final MemoryIdempotencyStore keys = new MemoryIdempotencyStore(store);

        @Override
        protected IdempotencyStore store() {
            return keys;
        }

        @Override
        protected TenantStore tenants() {
            return tenants;
        }

        @Override
        protected <T> T inTransaction(Supplier<T> work) {
            return transactions.execute(TransactionDefinition.DEFAULT, status -> work.get());
        }
    }

    @Nested
    class EventsAndWebhooks extends EventsAndWebhooksContract {

        private final MemoryStore store = new MemoryStore();
        private final MemoryTenantStore tenants = new MemoryTenantStore(store);
        private final MemoryEventStore events = new MemoryEventStore(store);
        private final MemoryWebhookEndpointStore endpoints = new MemoryWebhookEndpointStore(store);
        private final MemoryDeliveryStore deliveries = new MemoryDeliveryStore(store);
        private final MemoryCustomerStore customers =
                new MemoryCustomerStore(store, new MemoryBillingRecords(store, Clock.systemUTC()));

        @Override
        protected CustomerRepository customers() {
            return customers;
        }

        @Override
        protected EventStore events() {
            return events;
        }

        @Override
        protected WebhookEndpointStore endpoints() {
            return endpoints;
        }

        @Override
        protected DeliveryStore deliveries() {
            return deliveries;
        }

        @Override
        protected TenantStore tenants() {
            return tenants;
        }
    }
}
