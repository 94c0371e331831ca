package com.novabilling.application.port.in.customer;

import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

/**
 * Deletes a customer for good, in one transaction: its active subscriptions are canceled and its unpaid
 * invoices voided first (those billing records stay, for the books).
 */
public interface DeleteCustomerUseCase {

    /** @throws com.novabilling.domain.customer.CustomerNotFoundException no such customer in the tenant */
    DeletedCustomer delete(TenantId tenantId, CustomerId customerId);
}
