package com.novabilling.adapter.out.persistence.customer;

import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import com.novabilling.application.contract.CustomerStoreContract;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer store contract on a real PostgreSQL, migrated by Flyway. */
class PostgresCustomerStoreContractTest extends CustomerStoreContract {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static ApplicationContext context;
    private static Jdbc jdbc;

    @BeforeAll
    static void startContext() {
        context = ApplicationContext.run(TestPostgres.freshDatabase());
        jdbc = context.getBean(Jdbc.class);
    }

    @AfterAll
    static void stopContext() {
        context.close();
    }

    @Override
    protected CustomerRepository repository() {
        return context.getBean(PostgresCustomerStore.class);
    }

    @Override
    protected CustomerReadModel readModel() {
        return context.getBean(PostgresCustomerStore.class);
    }

    @Override
    protected BillingRecords billingRecords() {
        return context.getBean(PostgresBillingRecords.class);
    }

    @Override
    protected TenantId newTenant() {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        jdbc.update("INSERT INTO tenants (id, name) VALUES (?, ?)", List.of(id.value(), "Tenant " + id));
        return id;
    }

    @Override
    protected void givenSubscription(TenantId tenantId, Customer customer, String status) {
        jdbc.update("INSERT INTO subscriptions (tenant_id, id, customer_id, status) VALUES (?, ?, ?, ?)",
                List.of(tenantId.value(), "sub_" + IDS.incrementAndGet(), customer.id().value(), status));
    }

    @Override
    protected void givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                                BigDecimal amountPaid) {
        jdbc.update("""
                INSERT INTO invoices (tenant_id, id, customer_id, status, currency, amount_due, amount_paid)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                List.of(tenantId.value(), "inv_" + IDS.incrementAndGet(), customer.id().value(), status, currency,
                        amountPaid, amountPaid));
    }

    @Override
    protected List<String> subscriptionStatuses(TenantId tenantId, Customer customer) {
        return jdbc.query("SELECT status FROM subscriptions WHERE tenant_id = ? AND customer_id = ? ORDER BY status",
                List.of(tenantId.value(), customer.id().value()), rs -> rs.getString(1));
    }

    @Override
    protected List<String> invoiceStatuses(TenantId tenantId, Customer customer) {
        return jdbc.query("SELECT status FROM invoices WHERE tenant_id = ? AND customer_id = ? ORDER BY status",
                List.of(tenantId.value(), customer.id().value()), rs -> rs.getString(1));
    }

    @Test
    void voidedAndCanceledRecordsCarryTheirTimestamps() {
        Customer sarah = com.novabilling.application.fake.CustomerFixtures.aCustomer().in(tenant).build();
        repository().insert(sarah);
        givenSubscription(tenant, sarah, "active");
        givenInvoice(tenant, sarah, "open", "UGX", BigDecimal.ZERO);

        billingRecords().cancelActiveSubscriptions(tenant, sarah.id());
        billingRecords().voidUnpaidInvoices(tenant, sarah.id());

        assertThat(jdbc.query("SELECT canceled_at IS NOT NULL FROM subscriptions WHERE customer_id = ?",
                List.of(sarah.id().value()), rs -> rs.getBoolean(1))).containsExactly(true);
        assertThat(jdbc.query("SELECT voided_at IS NOT NULL FROM invoices WHERE customer_id = ?",
                List.of(sarah.id().value()), rs -> rs.getBoolean(1))).containsExactly(true);
    }
}
