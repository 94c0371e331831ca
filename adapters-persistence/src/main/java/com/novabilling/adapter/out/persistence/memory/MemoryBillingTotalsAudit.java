package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.out.customer.BillingRecords.BillingSummary;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory adapter's maintained billing totals checked against its records, like the PostgreSQL audit:
 * customers in (tenant, id) order; a repair runs under the store's write lock (inside the use case's
 * transaction), so no billing write interleaves.
 */
public final class MemoryBillingTotalsAudit implements BillingTotalsAudit {

    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::tenantId, MemoryStore::compareCodePoints)
            .thenComparing(RowKey::id, MemoryStore::compareCodePoints);

    private final MemoryStore store;
    private final MemoryBillingRecords billing;

    public MemoryBillingTotalsAudit(MemoryStore store, MemoryBillingRecords billing) {
        this.store = store;
        this.billing = billing;
    }

    @Override
    public long countCustomers() {
        return store.read(() -> (long) store.customers.size());
    }

    @Override
    public List<BillingTotalsMismatch> findMismatches(Key after, int max) {
        RowKey from = after == null ? null : new RowKey(after.tenantId().value(), after.customerId().value());
        return store.read(() -> store.customers.keySet().stream()
                .filter(key -> from == null || ORDER.compare(key, from) > 0)
                .sorted(ORDER)
                .map(key -> compare(store.customers.get(key)))
                .flatMap(Optional::stream)
                .limit(max)
                .toList());
    }

    @Override
    public Optional<BillingTotalsMismatch> repair(TenantId tenantId, CustomerId customerId) {
        return store.write(() -> {
            Customer customer = store.customers.get(new RowKey(tenantId.value(), customerId.value()));
            Optional<BillingTotalsMismatch> mismatch = customer == null ? Optional.empty() : compare(customer);
            mismatch.ifPresent(m -> billing.overwrite(tenantId.value(), customerId.value(), m.currency(),
                    m.actualTotalSpent(), m.actualActiveSubscriptions()));
            return mismatch;
        });
    }

    /**
     * Sets a customer's maintained totals to wrong values, as a bug or a hand-edited row would: only for tests
     * that show the audit finds and repairs them.
     */
    public void corrupt(TenantId tenantId, CustomerId customerId, BigDecimal totalSpent, long activeSubscriptions) {
        store.write(() -> {
            Customer customer = store.customers.get(new RowKey(tenantId.value(), customerId.value()));
            billing.overwrite(tenantId.value(), customerId.value(), customer.currency(), totalSpent, activeSubscriptions);
            return null;
        });
    }

    private Optional<BillingTotalsMismatch> compare(Customer customer) {
        BillingSummary stored = billing.summarize(customer.tenantId(), customer.id(), customer.currency());
        BillingSummary actual = billing.recount(customer.tenantId().value(), customer.id().value(), customer.currency());
        boolean same = stored.totalSpent().amount().compareTo(actual.totalSpent().amount()) == 0
                && stored.activeSubscriptions() == actual.activeSubscriptions();
        return same ? Optional.empty() : Optional.of(new BillingTotalsMismatch(customer.tenantId(), customer.id(),
                customer.currency(), stored.totalSpent().amount(), stored.activeSubscriptions(),
                actual.totalSpent().amount(), actual.activeSubscriptions()));
    }
}
