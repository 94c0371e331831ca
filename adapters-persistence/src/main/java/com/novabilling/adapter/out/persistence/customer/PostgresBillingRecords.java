package com.novabilling.adapter.out.persistence.customer;

import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The subscriptions and invoices tables, as customer management sees them. Canceled subscriptions and
 * voided invoices keep their rows (and customer id) after the customer is deleted: they are the books.
 */
@Singleton
public final class PostgresBillingRecords implements BillingRecords {

    private final Jdbc jdbc;

    public PostgresBillingRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int cancelActiveSubscriptions(TenantId tenantId, CustomerId customerId) {
        return jdbc.update("""
                UPDATE subscriptions SET status = 'canceled', canceled_at = now()
                 WHERE tenant_id = ? AND customer_id = ? AND status = 'active'""",
                List.of(tenantId.value(), customerId.value()));
    }

    @Override
    public int voidUnpaidInvoices(TenantId tenantId, CustomerId customerId) {
        return jdbc.update("""
                UPDATE invoices SET status = 'void', voided_at = now()
                 WHERE tenant_id = ? AND customer_id = ? AND status IN ('draft', 'open', 'uncollectible')""",
                List.of(tenantId.value(), customerId.value()));
    }

    @Override
    public BillingSummary summarize(TenantId tenantId, CustomerId customerId, CurrencyCode currency) {
        return jdbc.queryOne("SELECT " + BillingTotalsSql.COLUMNS
                        + " FROM (SELECT ?::text AS tenant_id, ?::text AS id, ?::text AS currency) c",
                List.of(tenantId.value(), customerId.value(), currency.value()),
                rs -> new BillingSummary(new Money(rs.getBigDecimal("total_spent"), currency),
                        rs.getLong("active_subscriptions"))).orElseThrow();
    }
}
