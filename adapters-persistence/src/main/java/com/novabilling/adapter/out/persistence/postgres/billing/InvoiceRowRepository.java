package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvoiceRowRepository extends GenericRepository<InvoiceRow, BillingRecordKey> {

    InvoiceRow save(InvoiceRow row);

    List<InvoiceRow> findByKeyTenantIdAndCustomerId(String keyTenantId, String customerId);

    /** @return how many draft, open or uncollectible invoices were voided */
    @Query("""
            UPDATE invoices SET status = 'void', voided_at = now()
             WHERE tenant_id = :tenantId AND customer_id = :customerId AND status IN ('draft', 'open', 'uncollectible')""")
    int voidUnpaid(String tenantId, String customerId);

    /** The billing totals of one customer: the one definition, {@link BillingTotalsSql}. */
    @Query(value = "SELECT " + BillingTotalsSql.COLUMNS
            + " FROM (SELECT CAST(:tenantId AS text) AS tenant_id, CAST(:customerId AS text) AS id,"
            + " CAST(:currency AS text) AS currency) c", nativeQuery = true)
    BillingTotals totals(String tenantId, String customerId, String currency);
}
