package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** Plain SQL for the end-to-end tests on PostgreSQL: rows of the billing services, looks at stored rows. */
@Factory
class TestJdbcFactory {

    @Singleton
    TestJdbc testJdbc(JdbcOperations jdbc) {
        return new TestJdbc(jdbc);
    }
}
