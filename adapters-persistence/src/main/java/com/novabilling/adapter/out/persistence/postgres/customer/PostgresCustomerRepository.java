package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Customers in PostgreSQL, written through {@link CustomerRowRepository}. Uniqueness of email
 * (case-insensitive) and external id is left to the unique indexes; {@link PostgresFailures} turns their
 * violations into the domain's conflict errors.
 */
public final class PostgresCustomerRepository implements CustomerRepository {

    static final String EMAIL_INDEX = "customers_tenant_email_key";
    static final String EXTERNAL_ID_INDEX = "customers_tenant_external_id_key";

    private final CustomerRowRepository rows;

    public PostgresCustomerRepository(CustomerRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Customer customer) {
        PostgresFailures.translate(() -> rows.save(CustomerMapper.row(customer)), conflicts(customer));
    }

    @Override
    public void update(Customer customer) {
        long updated = PostgresFailures.translate(() -> rows.update(CustomerMapper.row(customer)), conflicts(customer));
        if (updated != 1) {
            throw new IllegalStateException("update of a customer that is not stored: " + customer.id());
        }
    }

    private static Map<String, Supplier<? extends RuntimeException>> conflicts(Customer customer) {
        return Map.of(
                EMAIL_INDEX, () -> new CustomerEmailTakenException(customer.email()),
                EXTERNAL_ID_INDEX, () -> new CustomerExternalIdTakenException(customer.externalId().orElseThrow()));
    }

    @Override
    public Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> rows.findByIdForUpdate(CustomerMapper.key(tenantId, customerId))
                .map(CustomerMapper::customer));
    }

    @Override
    public boolean delete(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> rows.deleteById(CustomerMapper.key(tenantId, customerId))) == 1;
    }
}
