package com.novabilling.application.port.in.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;

/** A page of a tenant's customers, filtered, searched and sorted. */
public interface ListCustomersQuery {

    CustomerPage list(CustomerListCriteria criteria);
}
