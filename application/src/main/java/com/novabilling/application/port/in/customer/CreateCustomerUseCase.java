package com.novabilling.application.port.in.customer;

import com.novabilling.application.port.shared.customer.CustomerView;

/** Registers a new customer in a tenant. Email (case-insensitive) and external id are unique per tenant. */
public interface CreateCustomerUseCase {

    /**
     * @throws com.novabilling.domain.customer.CustomerEmailTakenException      the tenant has a customer with that email
     * @throws com.novabilling.domain.customer.CustomerExternalIdTakenException the tenant has a customer with that external id
     */
    CustomerView create(CreateCustomerCommand command);
}
