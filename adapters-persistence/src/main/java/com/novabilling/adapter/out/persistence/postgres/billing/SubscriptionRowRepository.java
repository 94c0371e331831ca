package com.novabilling.adapter.out.persistence.postgres.billing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubscriptionRowRepository extends GenericRepository<SubscriptionRow, BillingRecordKey> {

    SubscriptionRow save(SubscriptionRow row);

    List<SubscriptionRow> findByKeyTenantIdAndCustomerId(String keyTenantId, String customerId);

    /** @return how many active subscriptions were canceled */
    @Query("""
            UPDATE subscriptions SET status = 'canceled', canceled_at = now()
             WHERE tenant_id = :tenantId AND customer_id = :customerId AND status = 'active'""")
    int cancelActive(String tenantId, String customerId);
}
