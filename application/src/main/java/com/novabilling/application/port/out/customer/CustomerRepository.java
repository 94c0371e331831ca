package com.novabilling.application.port.out.customer;

import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/**
 * Where customers are kept. Every method is scoped to one tenant. The store is the final judge of
 * uniqueness: {@link #insert} and {@link #update} throw the domain's conflict errors
 * ({@code CustomerEmailTakenException}, {@code CustomerExternalIdTakenException}) when a concurrent or
 * earlier write holds the email or external id.
 */
public interface CustomerRepository {

    void insert(Customer customer);

    void update(Customer customer);

    /** Loads a customer and locks it until the current transaction ends. */
    Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId);

    /** @return whether a customer was deleted */
    boolean delete(TenantId tenantId, CustomerId customerId);
}
