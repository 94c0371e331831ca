package com.novabilling.application.port.out.customer;

import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The maintained billing totals ({@code totalSpent}, {@code activeSubscriptions}) checked against the billing
 * records they summarize, over every tenant.
 */
public interface BillingTotalsAudit {

    /** How many customers are stored (the number a full check covers). */
    long countCustomers();

    /**
     * Customers whose totals disagree with their records, in (tenant, id) order, at most {@code max} of them,
     * starting after {@code after} (null: from the first). One consistent snapshot per call.
     */
    List<BillingTotalsMismatch> findMismatches(Key after, int max);

    /**
     * Recomputes one customer's totals from its records while holding the customer's row lock, and stores them.
     *
     * @return the mismatch that was repaired; empty when the totals were right by then, or the customer is gone
     */
    Optional<BillingTotalsMismatch> repair(TenantId tenantId, CustomerId customerId);

    /** A position in (tenant, id) order. */
    record Key(TenantId tenantId, CustomerId customerId) {

        /** The order {@link #findMismatches} walks in: by tenant id, then by customer id. */
        public static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.tenantId().value())
                .thenComparing(k -> k.customerId().value());

        /** The position of {@code mismatch}'s customer. */
        public static Key of(BillingTotalsMismatch mismatch) {
            return new Key(mismatch.tenantId(), mismatch.customerId());
        }
    }
}
