package com.novabilling.application.port.in.customer;

/** A page of a tenant's customers, filtered, searched and sorted. */
public interface ListCustomersQuery {

    CustomerPage list(CustomerListCriteria criteria);
}
