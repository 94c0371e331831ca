package com.novabilling.adapter.out.persistence.memory.archfixture;

import com.novabilling.adapter.out.persistence.postgres.customer.PostgresCustomerRepository;

/** Deliberately couples the in-memory adapter to the PostgreSQL adapter (test fixture). */
public class MemoryClassReachingIntoPostgres {

    PostgresCustomerRepository postgres;
}
