package com.novabilling.adapter.out.persistence.postgres.billing;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals the V5 triggers keep on customers, on a real PostgreSQL: what the billing services (not this
 * service) do to invoices and subscriptions (update, delete, concurrent inserts). The audit that finds and
 * repairs a corrupted row is {@link PostgresBillingTotalsAuditContractTest}.
 */
class PostgresBillingTotalsTest {

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private TenantId tenant;
    private Customer sarah;

    @BeforeEach
    void customer() {
        tenant = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        postgres.tenants().insertIfAbsent(Tenant.open(tenant, "T", CurrencyCode.USD, Instant.now()));
        sarah = aCustomer().in(tenant).withCurrency("UGX").build();
        postgres.customers().insert(sarah);
    }

    private String invoice(String status, String currency, String paid) {
        return postgres.givenInvoice(tenant, sarah, status, currency, new BigDecimal(paid));
    }

    private String subscription(String status) {
        return postgres.givenSubscription(tenant, sarah, status);
    }

    private void assertTotals(String totalSpent, long active) {
        CustomerView view = postgres.readModel().findView(tenant, sarah.id()).orElseThrow();
        assertThat(view.totalSpent().amount()).isEqualByComparingTo(totalSpent);
        assertThat(view.activeSubscriptions()).isEqualTo(active);
    }

    @Test
    void totalsFollowUpdatesAndDeletesOfBillingRows() {
        String open = invoice("open", "UGX", "0");
        String paid = invoice("paid", "UGX", "40");
        String sub = subscription("active");
        assertTotals("40", 1);

        postgres.sql().update("UPDATE invoices SET status = 'paid', amount_paid = 60 WHERE id = ?", List.of(open));
        assertTotals("100", 1);
        postgres.sql().update("UPDATE invoices SET amount_paid = 45 WHERE id = ?", List.of(paid));
        assertTotals("105", 1);
        postgres.sql().update("UPDATE invoices SET currency = 'KES' WHERE id = ?", List.of(paid));
        assertTotals("60", 1);
        postgres.sql().update("DELETE FROM invoices WHERE id = ?", List.of(open));
        assertTotals("0", 1);
        postgres.sql().update("UPDATE subscriptions SET status = 'canceled' WHERE id = ?", List.of(sub));
        assertTotals("0", 0);
        postgres.sql().update("UPDATE subscriptions SET status = 'active' WHERE id = ?", List.of(sub));
        assertTotals("0", 1);
        postgres.sql().update("DELETE FROM subscriptions WHERE id = ?", List.of(sub));
        assertTotals("0", 0);
        assertThat(audit().findMismatches(null, 10)).isEmpty();
    }

    @Test
    void concurrentInvoiceInsertsForOneCustomerAreAllCounted() throws Exception {
        int threads = 8;
        int each = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        invoice("paid", "UGX", "1.5");
                        if (i % 5 == 0) {
                            subscription("active");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTotals(new BigDecimal("1.5").multiply(BigDecimal.valueOf((long) threads * each)).toPlainString(),
                threads * 5L);
    }

    private static PostgresBillingTotalsAudit audit() {
        return new PostgresBillingTotalsAudit(postgres.bean(JdbcOperations.class));
    }
}
