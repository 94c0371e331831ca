package com.novabilling.application.contract;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The in-memory fake honours the same contract as PostgreSQL, so service tests on it mean something. */
class InMemoryCustomerStoreContractTest extends CustomerStoreContract {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();

    @Override
    protected CustomerRepository repository() {
        return store;
    }

    @Override
    protected CustomerReadModel readModel() {
        return store;
    }

    @Override
    protected BillingRecords billingRecords() {
        return store;
    }

    @Override
    protected TenantId newTenant() {
        return new TenantId("ten_" + TENANTS.incrementAndGet());
    }

    @Override
    protected void givenSubscription(TenantId tenantId, Customer customer, String status) {
        store.addSubscription(tenantId, customer.id(), status);
    }

    @Override
    protected void givenInvoice(TenantId tenantId, Customer customer, String status, String currency, BigDecimal amountPaid) {
        store.addInvoice(tenantId, customer.id(), status, currency, amountPaid);
    }

    @Override
    protected List<String> subscriptionStatuses(TenantId tenantId, Customer customer) {
        return store.subscriptionStatuses(tenantId, customer.id());
    }

    @Override
    protected List<String> invoiceStatuses(TenantId tenantId, Customer customer) {
        return store.invoiceStatuses(tenantId, customer.id());
    }
}
