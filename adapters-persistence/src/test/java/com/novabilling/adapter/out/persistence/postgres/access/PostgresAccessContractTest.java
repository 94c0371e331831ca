package com.novabilling.adapter.out.persistence.postgres.access;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.contract.ApiKeyStoreContract;
import com.novabilling.application.contract.TenantStoreContract;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.TenantDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenant and API key contracts on a real PostgreSQL. */
class PostgresAccessContractTest {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private static PostgresAdapters empty;

    @AfterAll
    static void stop() {
        if (empty != null) {
            empty.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tenants extends TenantStoreContract {

        @Override
        protected TenantStore tenants() {
            return postgres.tenants();
        }

        @Override
        protected TenantDefaults tenantDefaults() {
            return postgres.tenants();
        }

        @Override
        protected TenantStore emptyTenantStore() {
            empty = PostgresAdapters.onFreshDatabase();
            return empty.tenants();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {

        @Override
        protected ApiKeyStore keys() {
            return postgres.keys();
        }

        @Override
        protected TenantStore tenants() {
            return postgres.tenants();
        }
    }
}
