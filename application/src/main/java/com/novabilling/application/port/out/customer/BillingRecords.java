package com.novabilling.application.port.out.customer;

import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;

/** The customer's subscriptions and invoices, as far as customer management touches them. */
public interface BillingRecords {

    /** Cancels every active subscription of the customer; returns how many. */
    int cancelActiveSubscriptions(TenantId tenantId, CustomerId customerId);

    /** Voids every unpaid (draft, open, uncollectible) invoice of the customer; returns how many. */
    int voidUnpaidInvoices(TenantId tenantId, CustomerId customerId);

    /** Lifetime amount paid (paid invoices in {@code currency}) and the count of active subscriptions. */
    BillingSummary summarize(TenantId tenantId, CustomerId customerId, CurrencyCode currency);

    record BillingSummary(Money totalSpent, long activeSubscriptions) {
    }
}
