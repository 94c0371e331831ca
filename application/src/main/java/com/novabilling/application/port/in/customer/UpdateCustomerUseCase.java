package com.novabilling.application.port.in.customer;

import com.novabilling.application.port.shared.customer.CustomerView;

/** Changes the fields an update names, and only those; metadata is replaced whole. */
public interface UpdateCustomerUseCase {

    /**
     * @throws com.novabilling.domain.customer.CustomerNotFoundException       no such customer in the tenant
     * @throws com.novabilling.domain.customer.CustomerEmailTakenException      the new email belongs to another customer
     * @throws com.novabilling.domain.customer.CustomerExternalIdTakenException the new external id belongs to another customer
     */
    CustomerView update(UpdateCustomerCommand command);
}
