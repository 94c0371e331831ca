package com.novabilling.adapter.out.persistence.postgres.billing;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;

/**
 * The subscriptions and invoices tables, as customer management sees them. Canceled subscriptions and
 * voided invoices keep their rows (and customer id) after the customer is deleted: they are the books.
 */
public final class PostgresBillingRecords implements BillingRecords {

    private final SubscriptionRowRepository subscriptions;
    private final InvoiceRowRepository invoices;

    public PostgresBillingRecords(SubscriptionRowRepository subscriptions, InvoiceRowRepository invoices) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
    }

    @Override
    public int cancelActiveSubscriptions(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> subscriptions.cancelActive(tenantId.value(), customerId.value()));
    }

    @Override
    public int voidUnpaidInvoices(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> invoices.voidUnpaid(tenantId.value(), customerId.value()));
    }

    @Override
    public BillingSummary summarize(TenantId tenantId, CustomerId customerId, CurrencyCode currency) {
        // the maintained totals are always in the customer's currency (a currency change recounts them)
        BillingTotals totals = PostgresFailures.translate(() -> invoices.totals(tenantId.value(), customerId.value()))
                .orElse(new BillingTotals(BigDecimal.ZERO, 0));
        return new BillingSummary(new Money(totals.totalSpent(), currency), totals.activeSubscriptions());
    }
}
