package com.novabilling.adapter.out.persistence.postgres.billing;

/**
 * The one definition of a customer's billing totals, as select-list columns over a row {@code c} with
 * {@code tenant_id}, {@code id} and {@code currency}: {@code total_spent} (paid invoices in the customer's
 * currency) and {@code active_subscriptions}. Migration V5's triggers keep the same two numbers on every
 * customer row; {@link PostgresBillingTotalsAudit} checks them against this definition.
 */
public final class BillingTotalsSql {

    public static final String COLUMNS = """
            (SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
              WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
                AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
            (SELECT count(*) FROM subscriptions s
              WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions""";

    private BillingTotalsSql() {
    }
}
