package com.novabilling.adapter.out.persistence.postgres.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRowRepository extends GenericRepository<TenantRow, String> {

    /** @return 1 when stored, 0 when a tenant with this id exists (left unchanged) */
    @Query("""
            INSERT INTO tenants (id, name, default_currency, status, created_at, rate_limit_per_second, rate_limit_burst)
            VALUES (:id, :name, :defaultCurrency, :status, :createdAt, :rateLimitPerSecond, :rateLimitBurst)
            ON CONFLICT (id) DO NOTHING""")
    int insertIfAbsent(String id, String name, String defaultCurrency, String status, Instant createdAt,
                       @Nullable Integer rateLimitPerSecond, @Nullable Integer rateLimitBurst);

    Optional<TenantRow> findById(String id);

    @Query("SELECT EXISTS (SELECT 1 FROM tenants)")
    boolean anyExists();

    /** @return 1 when the tenant is stored, 0 otherwise */
    @Query("UPDATE tenants SET rate_limit_per_second = :perSecond, rate_limit_burst = :burst WHERE id = :id")
    int updateRateLimit(String id, @Nullable Integer perSecond, @Nullable Integer burst);
}
