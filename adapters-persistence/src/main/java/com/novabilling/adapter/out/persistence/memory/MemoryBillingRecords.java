package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.Invoice;
import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.adapter.out.persistence.memory.MemoryStore.Subscription;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Subscriptions and invoices in memory, as in PostgreSQL: canceling and voiding keep the records (and their
 * customer id) and stamp the time; totals count paid invoices in the customer's currency and active
 * subscriptions, maintained by every writer here (as PostgreSQL's triggers do) and recounted when the customer's
 * currency changes ({@link #recountTotalSpent}), so a read never scans records. {@link #addSubscription} and
 * {@link #addInvoice} stand in for the billing services that own these records (tests, demos).
 */
public final class MemoryBillingRecords implements BillingRecords {

    private static final Set<String> SUBSCRIPTION_STATUSES = Set.of("active", "canceled");
    private static final Set<String> INVOICE_STATUSES = Set.of("draft", "open", "paid", "void", "uncollectible");
    private static final Set<String> UNPAID = Set.of("draft", "open", "uncollectible");

    private final MemoryStore store;
    private final Clock clock;

    public MemoryBillingRecords(MemoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records a subscription of a customer (the schema's checks: tenant stored, status known, id unique). */
    public void addSubscription(TenantId tenantId, String id, CustomerId customerId, String status) {
        require(SUBSCRIPTION_STATUSES.contains(status), "unknown subscription status " + status);
        store.write(() -> {
            require(store.tenants.containsKey(tenantId.value()), "tenant not stored: " + tenantId);
            require(store.subscriptions.stream().noneMatch(s -> s.tenantId.equals(tenantId.value()) && s.id.equals(id)),
                    "subscription id taken: " + id);
            Subscription s = new Subscription(tenantId.value(), id, customerId.value(), status);
            store.subscriptions.add(s);
            store.undo(() -> store.subscriptions.remove(s));
            if (status.equals("active")) {
                addActive(tenantId.value(), customerId.value(), 1);
            }
            return null;
        });
    }

    /** Records an invoice of a customer (the schema's checks: tenant stored, status known, amounts >= 0). */
    public void addInvoice(TenantId tenantId, String id, CustomerId customerId, String status, String currency,
                           BigDecimal amountDue, BigDecimal amountPaid) {
        require(INVOICE_STATUSES.contains(status), "unknown invoice status " + status);
        require(amountDue.signum() >= 0 && amountPaid.signum() >= 0, "amounts must not be negative");
        store.write(() -> {
            require(store.tenants.containsKey(tenantId.value()), "tenant not stored: " + tenantId);
            require(store.invoices.stream().noneMatch(i -> i.tenantId.equals(tenantId.value()) && i.id.equals(id)),
                    "invoice id taken: " + id);
            Invoice i = new Invoice(tenantId.value(), id, customerId.value(), status, currency, amountDue, amountPaid);
            store.invoices.add(i);
            store.undo(() -> store.invoices.remove(i));
            if (status.equals("paid")) {
                addPaid(tenantId.value(), customerId.value(), currency, amountPaid);
            }
            return null;
        });
    }

    /** The statuses of a customer's subscriptions, sorted. */
    public List<String> subscriptionStatuses(TenantId tenantId, CustomerId customerId) {
        return store.read(() -> store.subscriptions.stream()
                .filter(s -> s.tenantId.equals(tenantId.value()) && s.customerId.equals(customerId.value()))
                .map(s -> s.status).sorted().toList());
    }

    /** The statuses of a customer's invoices, sorted. */
    public List<String> invoiceStatuses(TenantId tenantId, CustomerId customerId) {
        return store.read(() -> store.invoices.stream()
                .filter(i -> i.tenantId.equals(tenantId.value()) && i.customerId.equals(customerId.value()))
                .map(i -> i.status).sorted().toList());
    }

    @Override
    public int cancelActiveSubscriptions(TenantId tenantId, CustomerId customerId) {
        Instant now = clock.instant();
        return store.write(() -> {
            int n = 0;
            for (Subscription s : store.subscriptions) {
                if (s.tenantId.equals(tenantId.value()) && s.customerId.equals(customerId.value())
                        && s.status.equals("active")) {
                    s.status = "canceled";
                    s.canceledAt = now;
                    store.undo(() -> {
                        s.status = "active";
                        s.canceledAt = null;
                    });
                    addActive(s.tenantId, s.customerId, -1);
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public int voidUnpaidInvoices(TenantId tenantId, CustomerId customerId) {
        Instant now = clock.instant();
        return store.write(() -> {
            int n = 0;
            for (Invoice i : store.invoices) {
                if (i.tenantId.equals(tenantId.value()) && i.customerId.equals(customerId.value())
                        && UNPAID.contains(i.status)) {
                    String before = i.status;
                    i.status = "void";
                    i.voidedAt = now;
                    store.undo(() -> {
                        i.status = before;
                        i.voidedAt = null;
                    });
                    n++;
                }
            }
            return n;
        });
    }

    /** The maintained totals (no scan of the records): paid invoices in {@code currency}, active subscriptions. */
    @Override
    public BillingSummary summarize(TenantId tenantId, CustomerId customerId, CurrencyCode currency) {
        return store.read(() -> {
            MemoryStore.BillingTotals totals = store.billingTotals.get(new RowKey(tenantId.value(), customerId.value()));
            return totals == null ? new BillingSummary(Money.zero(currency), 0)
                    : new BillingSummary(new Money(totals.paid(currency.value()), currency), totals.activeSubscriptions);
        });
    }

    /** The totals recomputed from the records, as {@link #summarize} must answer them (the audit's yardstick). */
    BillingSummary recount(String tenantId, String customerId, CurrencyCode currency) {
        BigDecimal paid = paidInvoices(tenantId, customerId, currency);
        long active = store.subscriptions.stream()
                .filter(s -> s.tenantId.equals(tenantId) && s.customerId.equals(customerId) && s.status.equals("active"))
                .count();
        return new BillingSummary(new Money(paid, currency), active);
    }

    /**
     * A change of the customer's currency, as PostgreSQL's {@code customers_recount_total_spent} trigger (V5)
     * makes it: the kept total in the new currency becomes the sum of the paid invoices in that currency, undoably,
     * so a total that drifted in that currency before does not come back with it. The subscription count is left
     * as it is (the trigger does not touch it). Called by {@link MemoryCustomerStore#update} under the write lock
     * that changes the currency.
     */
    void recountTotalSpent(String tenantId, String customerId, CurrencyCode currency) {
        MemoryStore.BillingTotals totals = totals(tenantId, customerId);
        BigDecimal paidBefore = totals.paid(currency.value());
        totals.paidByCurrency.put(currency.value(), paidInvoices(tenantId, customerId, currency));
        store.undo(() -> totals.paidByCurrency.put(currency.value(), paidBefore));
    }

    private BigDecimal paidInvoices(String tenantId, String customerId, CurrencyCode currency) {
        return store.invoices.stream()
                .filter(i -> i.tenantId.equals(tenantId) && i.customerId.equals(customerId)
                        && i.status.equals("paid") && i.currency.equals(currency.value()))
                .map(i -> i.amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sets the maintained totals to {@code totals} for {@code currency}, undoably (repairs, tests). */
    void overwrite(String tenantId, String customerId, CurrencyCode currency, BigDecimal paid, long active) {
        MemoryStore.BillingTotals totals = totals(tenantId, customerId);
        BigDecimal paidBefore = totals.paid(currency.value());
        long activeBefore = totals.activeSubscriptions;
        totals.paidByCurrency.put(currency.value(), paid);
        totals.activeSubscriptions = active;
        store.undo(() -> {
            totals.paidByCurrency.put(currency.value(), paidBefore);
            totals.activeSubscriptions = activeBefore;
        });
    }

    private MemoryStore.BillingTotals totals(String tenantId, String customerId) {
        return store.billingTotals.computeIfAbsent(new RowKey(tenantId, customerId), k -> new MemoryStore.BillingTotals());
    }

    private void addPaid(String tenantId, String customerId, String currency, BigDecimal amount) {
        MemoryStore.BillingTotals totals = totals(tenantId, customerId);
        totals.addPaid(currency, amount);
        store.undo(() -> totals.addPaid(currency, amount.negate()));
    }

    private void addActive(String tenantId, String customerId, long delta) {
        MemoryStore.BillingTotals totals = totals(tenantId, customerId);
        totals.activeSubscriptions += delta;
        store.undo(() -> totals.activeSubscriptions -= delta);
    }

    /** Whether each of the customer's canceled subscriptions and voided invoices carries its time. */
    public boolean closedRecordsAreStamped(TenantId tenantId, CustomerId customerId) {
        return store.read(() -> store.subscriptions.stream()
                .filter(s -> s.tenantId.equals(tenantId.value()) && s.customerId.equals(customerId.value())
                        && s.status.equals("canceled")).allMatch(s -> s.canceledAt != null)
                && store.invoices.stream()
                .filter(i -> i.tenantId.equals(tenantId.value()) && i.customerId.equals(customerId.value())
                        && i.status.equals("void")).allMatch(i -> i.voidedAt != null));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
