package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.exceptions.TransactionUsageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @Transactional} on the in-memory adapter: all or nothing, and one transaction at a time. */
class MemoryTransactionManagerTest {

    private final MemoryStore store = new MemoryStore();
    private final MemoryTransactionManager transactions = new MemoryTransactionManager(store);
    private final MemoryTenantStore tenants = new MemoryTenantStore(store);
    private final MemoryBillingRecords billing = new MemoryBillingRecords(store, Clock.systemUTC());
    private final MemoryCustomerStore customers = new MemoryCustomerStore(store, billing);
    private final TenantId tenant = new TenantId("ten_tx");

    @BeforeEach
    void aTenant() {
        tenants.insertIfAbsent(Tenant.open(tenant, "Tx", CurrencyCode.USD, Instant.now()));
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Customer sarah = aCustomer().in(tenant).build();
        customers.insert(sarah);
        billing.addSubscription(tenant, "sub_1", sarah.id(), "active");
        billing.addInvoice(tenant, "inv_1", sarah.id(), "open", "UGX", java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO);
        Customer bob = aCustomer().in(tenant).withEmail("bob@x.io").withExternalId("bob").build();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            billing.cancelActiveSubscriptions(tenant, sarah.id());
            billing.voidUnpaidInvoices(tenant, sarah.id());
            customers.delete(tenant, sarah.id());
            customers.insert(bob);
            tenants.insertIfAbsent(Tenant.open(new TenantId("ten_new"), "New", CurrencyCode.USD, Instant.now()));
            customers.insert(aCustomer().in(tenant).withEmail("BOB@x.io").withExternalId("other").build());
            return null;
        })).isInstanceOf(CustomerEmailTakenException.class);

        assertThat(customers.findView(tenant, sarah.id())).isPresent();
        assertThat(customers.findView(tenant, bob.id())).isEmpty();
        assertThat(billing.subscriptionStatuses(tenant, sarah.id())).containsExactly("active");
        assertThat(billing.invoiceStatuses(tenant, sarah.id())).containsExactly("open");
        assertThat(tenants.find(new TenantId("ten_new"))).isEmpty();
        Customer bobAgain = aCustomer().in(tenant).withEmail("bob@x.io").withExternalId("bob").build();
        customers.insert(bobAgain);
        assertThat(customers.findView(tenant, bobAgain.id())).isPresent();
    }

    @Test
    void aCommittedTransactionKeepsEveryChange() {
        Customer sarah = aCustomer().in(tenant).build();

        transactions.executeWrite(status -> {
            customers.insert(sarah);
            assertThat(transactions.findTransactionStatus()).isPresent();
            transactions.executeWrite(inner -> {
                assertThat(inner.isNewTransaction()).isFalse();
                return customers.delete(tenant, sarah.id());
            });
            customers.insert(aCustomer().in(tenant).withEmail("again@x.io").withExternalId("again").build());
            return null;
        });

        assertThat(customers.findView(tenant, sarah.id())).isEmpty();
        assertThat(customers.list(new com.novabilling.application.port.shared.customer.CustomerListCriteria.Builder(tenant)
                .build()).total()).isEqualTo(1);
        assertThat(transactions.findTransactionStatus()).isEmpty();
    }

    @Test
    void anInnerFailureRollsBackTheWholeTransaction() {
        Customer sarah = aCustomer().in(tenant).build();

        transactions.executeWrite(status -> {
            customers.insert(sarah);
            try {
                transactions.executeWrite(inner -> {
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // swallowed: the transaction is marked rollback-only all the same
            }
            assertThat(status.isRollbackOnly()).isTrue();
            return null;
        });

        assertThat(customers.findView(tenant, sarah.id())).isEmpty();
    }

    @Test
    void aSecondTransactionWaitsForTheFirst() throws Exception {
        Customer sarah = aCustomer().in(tenant).build();
        customers.insert(sarah);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondSawTheFirstsWrite = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> transactions.executeWrite(status -> {
                customers.findForUpdate(tenant, sarah.id()).orElseThrow();
                locked.countDown();
                release.await(10, TimeUnit.SECONDS);
                return customers.delete(tenant, sarah.id());
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> transactions.executeWrite(status -> {
                secondSawTheFirstsWrite.set(customers.findForUpdate(tenant, sarah.id()).isEmpty());
                return null;
            }));
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(secondSawTheFirstsWrite).isTrue();
    }

    @Test
    void propagationsNeedingASecondTransactionAreRefused() {
        assertThatThrownBy(() -> transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY),
                status -> null)).isInstanceOf(TransactionUsageException.class);
        assertThatThrownBy(() -> transactions.executeWrite(status -> transactions.execute(
                TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), inner -> null)))
                .isInstanceOf(TransactionUsageException.class);
        assertThat(transactions.findTransactionStatus()).isEmpty();
    }
}
