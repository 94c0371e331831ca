package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvoiceRowRepository extends GenericRepository<InvoiceRow, BillingRecordKey> {

    InvoiceRow save(InvoiceRow row);

    List<InvoiceRow> findByKeyTenantIdAndCustomerId(String keyTenantId, String customerId);

    /** @return how many draft, open or uncollectible invoices were voided */
    @Query("""
            UPDATE invoices SET status = 'void', voided_at = now()
             WHERE tenant_id = :tenantId AND customer_id = :customerId AND status IN ('draft', 'open', 'uncollectible')""")
    int voidUnpaid(String tenantId, String customerId);

    /**
     * The billing totals of one customer as maintained on its row (migration V5's triggers); none when the
     * customer is not stored. {@link BillingTotalsSql} is what they must equal (checked by the audit).
     */
    @Query(value = "SELECT total_spent, active_subscriptions FROM customers WHERE tenant_id = :tenantId AND id = :customerId",
            nativeQuery = true)
    Optional<BillingTotals> totals(String tenantId, String customerId);
}
