package com.novabilling.adapter.out.persistence.postgres.idempotency;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.contract.IdempotencyStoreContract;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency contract on a real PostgreSQL: advisory locks, bytea bodies, the upsert of expired keys. */
class PostgresIdempotencyContractTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    @Override
    protected IdempotencyStore store() {
        return postgres.idempotency();
    }

    @Override
    protected TenantStore tenants() {
        return postgres.tenants();
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return postgres.inTransaction(work);
    }

    /** Here a held key is refused at once, never waited for: the second request answers 409 and retries. */
    @Test
    void aHeldKeyIsRefusedWithoutWaiting() throws Exception {
        TenantId tenant = new TenantId("default_lock");
        IdempotencyKey key = new IdempotencyKey("held");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                () -> inTransaction(() -> {
                    boolean taken = store().tryLock(tenant, key);
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return taken;
                }));
        held.await();
        try {
            assertThat(inTransaction(() -> store().tryLock(tenant, key))).isFalse();
        } finally {
            release.countDown();
        }
        assertThat(first.get()).isTrue();
        assertThat(inTransaction(() -> store().tryLock(tenant, key))).isTrue();
    }
}
