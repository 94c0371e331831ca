package com.novabilling.adapter.out.persistence.postgres.billing;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.contract.BillingTotalsAuditContract;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing totals audit contract on a real PostgreSQL, migrated by Flyway, its totals kept by V5's triggers. */
class PostgresBillingTotalsAuditContractTest extends BillingTotalsAuditContract {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    @Override
    protected BillingTotalsAudit audit() {
        return new PostgresBillingTotalsAudit(postgres.bean(JdbcOperations.class));
    }

    @Override
    protected CustomerRepository repository() {
        return postgres.customers();
    }

    @Override
    protected CustomerReadModel readModel() {
        return postgres.readModel();
    }

    @Override
    protected void storeTenant(TenantId id) {
        postgres.tenants().insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, Instant.now()));
    }

    @Override
    protected void givenSubscription(TenantId tenantId, Customer customer, String status) {
        postgres.givenSubscription(tenantId, customer, status);
    }

    @Override
    protected void givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                                BigDecimal amountPaid) {
        postgres.givenInvoice(tenantId, customer, status, currency, amountPaid);
    }

    /** A plain UPDATE of the kept columns: no trigger fires on them (V5's only customers trigger is on currency). */
    @Override
    protected void corruptTotals(TenantId tenantId, CustomerId customerId, BigDecimal totalSpent,
                                 long activeSubscriptions) {
        assertThat(postgres.sql().update(
                "UPDATE customers SET total_spent = ?, active_subscriptions = ? WHERE tenant_id = ? AND id = ?",
                List.of(totalSpent, activeSubscriptions, tenantId.value(), customerId.value()))).isEqualTo(1);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return postgres.inTransaction(work);
    }
}
