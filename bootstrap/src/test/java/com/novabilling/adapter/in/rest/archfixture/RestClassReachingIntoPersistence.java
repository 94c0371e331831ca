package com.novabilling.adapter.in.rest.archfixture;

import com.novabilling.adapter.out.persistence.customer.PostgresCustomerStore;

/** Deliberately couples the REST adapter to the persistence adapter (test fixture). */
public class RestClassReachingIntoPersistence {

    PostgresCustomerStore store;
}
