package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRow;
import com.novabilling.adapter.out.persistence.postgres.billing.InvoiceRowRepository;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRow;
import com.novabilling.adapter.out.persistence.postgres.billing.SubscriptionRowRepository;
import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.contract.CustomerStoreContract;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer store contract on a real PostgreSQL, migrated by Flyway. */
class PostgresCustomerStoreContractTest extends CustomerStoreContract {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    @Override
    protected CustomerRepository repository() {
        return postgres.customers();
    }

    @Override
    protected CustomerReadModel readModel() {
        return postgres.readModel();
    }

    @Override
    protected BillingRecords billingRecords() {
        return postgres.billing();
    }

    @Override
    protected TenantId newTenant() {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        postgres.tenants().insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, Instant.now()));
        return id;
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

    @Override
    protected List<String> subscriptionStatuses(TenantId tenantId, Customer customer) {
        return postgres.bean(SubscriptionRowRepository.class)
                .findByKeyTenantIdAndCustomerId(tenantId.value(), customer.id().value())
                .stream().map(SubscriptionRow::status).sorted().toList();
    }

    @Override
    protected List<String> invoiceStatuses(TenantId tenantId, Customer customer) {
        return postgres.bean(InvoiceRowRepository.class)
                .findByKeyTenantIdAndCustomerId(tenantId.value(), customer.id().value())
                .stream().map(InvoiceRow::status).sorted().toList();
    }

    @Test
    void voidedAndCanceledRecordsCarryTheirTimestamps() {
        Customer sarah = com.novabilling.application.fake.CustomerFixtures.aCustomer().in(tenant).build();
        repository().insert(sarah);
        givenSubscription(tenant, sarah, "active");
        givenInvoice(tenant, sarah, "open", "UGX", BigDecimal.ZERO);

        billingRecords().cancelActiveSubscriptions(tenant, sarah.id());
        billingRecords().voidUnpaidInvoices(tenant, sarah.id());

        assertThat(postgres.bean(SubscriptionRowRepository.class).findByKeyTenantIdAndCustomerId(tenant.value(),
                sarah.id().value())).allSatisfy(s -> assertThat(s.canceledAt()).isNotNull());
        assertThat(postgres.bean(InvoiceRowRepository.class).findByKeyTenantIdAndCustomerId(tenant.value(),
                sarah.id().value())).allSatisfy(i -> assertThat(i.voidedAt()).isNotNull()).hasSize(1);
    }

    @Test
    void metadataIsStoredAsAJsonbObjectWithPlainNumbers() {
        Customer sarah = com.novabilling.application.fake.CustomerFixtures.aCustomer().in(tenant)
                .withMetadata(java.util.Map.of("ratio", new BigDecimal("0.00000000000000000001"), "vip", true)).build();
        repository().insert(sarah);

        assertThat(postgres.sql().query("SELECT metadata::text FROM customers WHERE id = ?", List.of(sarah.id().value()),
                rs -> rs.getString(1))).containsExactly("{\"vip\": true, \"ratio\": 0.00000000000000000001}");
    }
}
