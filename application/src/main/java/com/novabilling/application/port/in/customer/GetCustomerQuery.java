package com.novabilling.application.port.in.customer;

import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

/** One customer of a tenant, with its billing totals. */
public interface GetCustomerQuery {

    /** @throws com.novabilling.domain.customer.CustomerNotFoundException no such customer in the tenant */
    CustomerView get(TenantId tenantId, CustomerId customerId);
}
