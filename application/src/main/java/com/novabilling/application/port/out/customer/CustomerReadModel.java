package com.novabilling.application.port.out.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/** Customers as the API shows them, with their billing totals, read in one round trip each. */
public interface CustomerReadModel {

    Optional<CustomerView> findView(TenantId tenantId, CustomerId customerId);

    CustomerPage list(CustomerListCriteria criteria);
}
