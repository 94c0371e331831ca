package com.novabilling.adapter.in.rest.archfixture;

import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerRepository;

/** Deliberately couples the REST adapter to the persistence adapter (test fixture). */
public class RestClassReachingIntoPersistence {

    PostgresCustomerRepository store;
}
