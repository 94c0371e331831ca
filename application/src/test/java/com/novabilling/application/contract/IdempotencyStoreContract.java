package com.novabilling.application.contract;

import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantStatus;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every idempotency store must do (the {@link IdempotencyStore} out-port). A new adapter extends this class in
 * its tests; see README "Write your own adapter".
 */
public abstract class IdempotencyStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    protected abstract IdempotencyStore store();

    /** The tenants of the same store (keys belong to stored tenants). */
    protected abstract TenantStore tenants();

    /** Runs {@code work} in one transaction of the store; a runtime exception rolls it back. */
    protected abstract <T> T inTransaction(Supplier<T> work);

    private TenantId newTenant() {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        tenants().insertIfAbsent(Tenant.restore(id, "Idempotent", CurrencyCode.of("UGX"), TenantStatus.ACTIVE, T0));
        return id;
    }

    private static IdempotencyRecord record(TenantId tenant, String key, String fingerprint, int status, String body,
                                            String location, Instant createdAt) {
        return new IdempotencyRecord(tenant, new IdempotencyKey(key), fingerprint,
                new StoredResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), location), createdAt);
    }

    @Test
    void aSavedRecordReadsBackByteForByte() {
        TenantId tenant = newTenant();
        byte[] body = "{\"id\":\"cust_1\",\"name\":\"Nakato \u00e9\",\"metadata\":{\"a\":1.10}}".getBytes(StandardCharsets.UTF_8);
        IdempotencyRecord saved = new IdempotencyRecord(tenant, new IdempotencyKey("key 1 ~!"), "fp-1",
                new StoredResponse(201, "application/json", body, "/api/customers/cust_1"), T0);

        inTransaction(() -> {
            store().save(saved, T0.minusSeconds(86_400));
            return null;
        });

        IdempotencyRecord read = store().find(tenant, new IdempotencyKey("key 1 ~!")).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.response().body()).isEqualTo(body);
        assertThat(read.response().location()).isEqualTo("/api/customers/cust_1");
        assertThat(read.createdAt()).isEqualTo(T0);
    }

    @Test
    void aRefusalWithoutLocationReadsBackToo() {
        TenantId tenant = newTenant();
        IdempotencyRecord saved = new IdempotencyRecord(tenant, new IdempotencyKey("k"), "fp",
                new StoredResponse(404, "application/problem+json", "{\"code\":\"customer_not_found\"}".getBytes(StandardCharsets.UTF_8), null), T0);
        inTransaction(() -> {
            store().save(saved, T0.minusSeconds(1));
            return null;
        });
        assertThat(store().find(tenant, new IdempotencyKey("k"))).contains(saved);
    }

    @Test
    void keysBelongToTheirTenantAndAreCaseSensitive() {
        TenantId one = newTenant();
        TenantId other = newTenant();
        inTransaction(() -> {
            store().save(record(one, "Key", "fp", 200, "{}", null, T0), T0.minusSeconds(1));
            return null;
        });

        assertThat(store().find(other, new IdempotencyKey("Key"))).isEmpty();
        assertThat(store().find(one, new IdempotencyKey("key"))).isEmpty();
        assertThat(store().find(one, new IdempotencyKey("Key"))).isPresent();
    }

    @Test
    void aRolledBackTransactionLeavesNoRecord() {
        TenantId tenant = newTenant();
        assertThatThrownBy(() -> inTransaction(() -> {
            store().save(record(tenant, "rolled-back", "fp", 201, "{}", null, T0), T0.minusSeconds(1));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(store().find(tenant, new IdempotencyKey("rolled-back"))).isEmpty();
    }

    @Test
    void aLiveRecordIsNeverReplacedButAnExpiredOneIs() {
        TenantId tenant = newTenant();
        inTransaction(() -> {
            store().save(record(tenant, "k", "first", 201, "{\"n\":1}", null, T0), T0.minusSeconds(1));
            return null;
        });

        assertThatThrownBy(() -> inTransaction(() -> {
            store().save(record(tenant, "k", "second", 201, "{\"n\":2}", null, T0.plusSeconds(10)), T0.minusSeconds(1));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store().find(tenant, new IdempotencyKey("k")).orElseThrow().fingerprint()).isEqualTo("first");

        Instant later = T0.plusSeconds(90_000);
        inTransaction(() -> {
            store().save(record(tenant, "k", "third", 200, "{\"n\":3}", null, later), later.minusSeconds(86_400));
            return null;
        });
        IdempotencyRecord read = store().find(tenant, new IdempotencyKey("k")).orElseThrow();
        assertThat(read.fingerprint()).isEqualTo("third");
        assertThat(read.createdAt()).isEqualTo(later);
    }

    @Test
    void thePurgeDeletesOnlyRecordsCreatedBeforeTheCutoff() {
        TenantId tenant = newTenant();
        inTransaction(() -> {
            store().save(record(tenant, "old", "fp", 201, "{}", null, T0.minusSeconds(3600)), T0.minusSeconds(99_999));
            store().save(record(tenant, "new", "fp", 201, "{}", null, T0), T0.minusSeconds(99_999));
            return null;
        });

        int purged = store().purgeCreatedBefore(T0.minusSeconds(1));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(store().find(tenant, new IdempotencyKey("old"))).isEmpty();
        assertThat(store().find(tenant, new IdempotencyKey("new"))).isPresent();
    }

    /**
     * While one transaction holds a key, another never runs its change concurrently: it is told the key is taken,
     * or it waits until the first has ended and then sees the first's record.
     */
    @Test
    void aKeyHeldByOneTransactionIsNotTakenByAnother() throws Exception {
        TenantId tenant = newTenant();
        IdempotencyKey key = new IdempotencyKey("contended");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> inTransaction(() -> {
            boolean taken = store().tryLock(tenant, key);
            held.countDown();
            await(release);
            store().save(record(tenant, "contended", "fp", 201, "{\"first\":true}", null, T0), T0.minusSeconds(1));
            return taken;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> inTransaction(() -> {
            if (!store().tryLock(tenant, key)) {
                return "taken";
            }
            return store().find(tenant, key).map(r -> "found the first's record").orElse("ran concurrently");
        }));
        Thread.sleep(200);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isIn("taken", "found the first's record");
        // once the first has ended, the key is free again
        assertThat(inTransaction(() -> store().tryLock(tenant, key))).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
