package com.novabilling.adapter.out.persistence.archfixture;

import com.novabilling.application.port.in.customer.GetCustomerQuery;

/** Deliberately drives a use case from a driven adapter (test fixture). */
public class PersistenceClassUsingAnInPort {

    GetCustomerQuery query;
}
