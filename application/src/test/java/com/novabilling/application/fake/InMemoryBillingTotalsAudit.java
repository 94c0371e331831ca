package com.novabilling.application.fake;

import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A billing totals audit for service tests: each customer holds the totals kept on it and the totals its
 * records say, in (tenant, id) order as the real adapters keep them. {@link #meanwhile} stands in for a billing
 * write that lands between a check and a repair (the real audit repairs under the customer's lock, so it sees
 * that write). Every call is kept ({@link #pagesAsked}, {@link #repairsAsked}), so a test can see how the
 * service walked, and a walk that never ends fails instead of hanging.
 */
public final class InMemoryBillingTotalsAudit implements BillingTotalsAudit {

    /** One call of {@link #findMismatches}. */
    public record PageAsked(Key after, int max) {
    }

    private static final int MAX_PAGES = 10_000;

    private final NavigableMap<Key, Totals> customers = new TreeMap<>(Key.ORDER);
    private final Map<Key, Totals> meanwhile = new HashMap<>();
    public final List<PageAsked> pagesAsked = new ArrayList<>();
    public final List<Key> repairsAsked = new ArrayList<>();

    private record Kept(BigDecimal totalSpent, long activeSubscriptions) {
    }

    private static final class Totals {
        final CurrencyCode currency;
        Kept stored;
        Kept actual;

        Totals(CurrencyCode currency, Kept stored, Kept actual) {
            this.currency = currency;
            this.stored = stored;
            this.actual = actual;
        }
    }

    /** A customer whose kept totals are {@code stored*} while its records say {@code actual*}. */
    public Key add(TenantId tenantId, CustomerId customerId, String currency, String storedTotalSpent,
                   long storedActiveSubscriptions, String actualTotalSpent, long actualActiveSubscriptions) {
        Key key = new Key(tenantId, customerId);
        customers.put(key, totals(CurrencyCode.of(currency), storedTotalSpent, storedActiveSubscriptions,
                actualTotalSpent, actualActiveSubscriptions));
        return key;
    }

    /**
     * A write that lands after the check found the customer and before its repair (a billing write, another
     * operator's repair): the repair sees the kept and the actual totals at these values.
     */
    public void meanwhile(Key key, String storedTotalSpent, long storedActiveSubscriptions, String actualTotalSpent,
                          long actualActiveSubscriptions) {
        meanwhile.put(key, totals(customers.get(key).currency, storedTotalSpent, storedActiveSubscriptions,
                actualTotalSpent, actualActiveSubscriptions));
    }

    private static Totals totals(CurrencyCode currency, String storedTotalSpent, long storedActiveSubscriptions,
                                 String actualTotalSpent, long actualActiveSubscriptions) {
        return new Totals(currency, new Kept(new BigDecimal(storedTotalSpent), storedActiveSubscriptions),
                new Kept(new BigDecimal(actualTotalSpent), actualActiveSubscriptions));
    }

    /** The customer's totals as they are now: a mismatch, or empty when they are right. */
    public Optional<BillingTotalsMismatch> mismatchOf(Key key) {
        return compare(key, customers.get(key));
    }

    /** Every mismatch now, in order. */
    public List<BillingTotalsMismatch> mismatches() {
        return customers.entrySet().stream().map(e -> compare(e.getKey(), e.getValue())).flatMap(Optional::stream)
                .toList();
    }

    @Override
    public long countCustomers() {
        return customers.size();
    }

    @Override
    public List<BillingTotalsMismatch> findMismatches(Key after, int max) {
        pagesAsked.add(new PageAsked(after, max));
        if (pagesAsked.size() > MAX_PAGES) {
            throw new AssertionError("findMismatches asked " + MAX_PAGES + " times: the walk does not end");
        }
        NavigableMap<Key, Totals> rest = after == null ? customers : customers.tailMap(after, false);
        return rest.entrySet().stream().map(e -> compare(e.getKey(), e.getValue())).flatMap(Optional::stream)
                .limit(max).toList();
    }

    @Override
    public Optional<BillingTotalsMismatch> repair(TenantId tenantId, CustomerId customerId) {
        Key key = new Key(tenantId, customerId);
        repairsAsked.add(key);
        Totals totals = customers.get(key);
        if (totals == null) {
            return Optional.empty();
        }
        Totals written = meanwhile.remove(key);
        if (written != null) {
            totals.stored = written.stored;
            totals.actual = written.actual;
        }
        Optional<BillingTotalsMismatch> mismatch = compare(key, totals);
        mismatch.ifPresent(m -> totals.stored = totals.actual);
        return mismatch;
    }

    private static Optional<BillingTotalsMismatch> compare(Key key, Totals totals) {
        if (totals == null) {
            return Optional.empty();
        }
        boolean same = totals.stored.totalSpent().compareTo(totals.actual.totalSpent()) == 0
                && totals.stored.activeSubscriptions() == totals.actual.activeSubscriptions();
        return same ? Optional.empty() : Optional.of(new BillingTotalsMismatch(key.tenantId(), key.customerId(),
                totals.currency, totals.stored.totalSpent(), totals.stored.activeSubscriptions(),
                totals.actual.totalSpent(), totals.actual.activeSubscriptions()));
    }
}
