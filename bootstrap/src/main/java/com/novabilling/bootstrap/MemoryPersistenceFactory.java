package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.memory.MemoryApiKeyStore;
import com.novabilling.adapter.out.persistence.memory.MemoryBillingRecords;
import com.novabilling.adapter.out.persistence.memory.MemoryBillingTotalsAudit;
import com.novabilling.adapter.out.persistence.memory.MemoryDeliveryStore;
import com.novabilling.adapter.out.persistence.memory.MemoryEventStore;
import com.novabilling.adapter.out.persistence.memory.MemoryWebhookEndpointStore;
import com.novabilling.adapter.out.persistence.memory.MemoryCustomerStore;
import com.novabilling.adapter.out.persistence.memory.MemoryIdempotencyStore;
import com.novabilling.adapter.out.persistence.memory.MemoryStore;
import com.novabilling.adapter.out.persistence.memory.MemoryTenantStore;
import com.novabilling.adapter.out.persistence.memory.MemoryTransactionManager;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The out-ports in memory ({@code novabilling.persistence=memory}): no database, no Flyway, data kept until
 * the process exits. {@link MemoryTransactionManager} serves the use cases' {@code @Transactional}.
 */
@Factory
@Requires(property = Persistence.PROPERTY, value = "memory")
class MemoryPersistenceFactory {

    @Singleton
    MemoryStore memoryStore() {
        return new MemoryStore();
    }

    @Singleton
    MemoryTransactionManager transactionManager(MemoryStore store) {
        return new MemoryTransactionManager(store);
    }

    @Singleton
    MemoryBillingRecords billingRecords(MemoryStore store, Clock clock) {
        return new MemoryBillingRecords(store, clock);
    }

    /** Both the customers' repository and their read model. */
    @Singleton
    MemoryCustomerStore customerStore(MemoryStore store, MemoryBillingRecords billing) {
        return new MemoryCustomerStore(store, billing);
    }

    @Singleton
    MemoryBillingTotalsAudit billingTotalsAudit(MemoryStore store, MemoryBillingRecords billing) {
        return new MemoryBillingTotalsAudit(store, billing);
    }

    /** Also the customers' {@code TenantDefaults}. */
    @Singleton
    MemoryTenantStore tenantStore(MemoryStore store) {
        return new MemoryTenantStore(store);
    }

    @Singleton
    MemoryApiKeyStore apiKeyStore(MemoryStore store) {
        return new MemoryApiKeyStore(store);
    }

    @Singleton
    MemoryIdempotencyStore idempotencyStore(MemoryStore store) {
        return new MemoryIdempotencyStore(store);
    }

    @Singleton
    MemoryEventStore eventStore(MemoryStore store) {
        return new MemoryEventStore(store);
    }

    @Singleton
    MemoryWebhookEndpointStore webhookEndpointStore(MemoryStore store) {
        return new MemoryWebhookEndpointStore(store);
    }

    @Singleton
    MemoryDeliveryStore deliveryStore(MemoryStore store) {
        return new MemoryDeliveryStore(store);
    }
}
