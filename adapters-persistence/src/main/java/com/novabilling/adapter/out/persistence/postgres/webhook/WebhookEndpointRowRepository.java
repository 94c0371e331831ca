package com.novabilling.adapter.out.persistence.postgres.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebhookEndpointRowRepository extends GenericRepository<WebhookEndpointRow, WebhookEndpointKey> {

    WebhookEndpointRow save(WebhookEndpointRow row);

    Optional<WebhookEndpointRow> findById(WebhookEndpointKey key);

    /** Newest first (ids are ULIDs). */
    @Query("SELECT e.* FROM webhook_endpoints e WHERE e.tenant_id = :tenantId ORDER BY e.id DESC")
    List<WebhookEndpointRow> listOfTenant(String tenantId);

    @Query("""
            UPDATE webhook_endpoints SET url = :url, events = :events, description = :description, enabled = :enabled,
                   secret = :secret, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id""")
    int change(String tenantId, String id, String url, @TypeDef(type = DataType.STRING_ARRAY) String[] events,
               @Nullable String description, boolean enabled, String secret, Instant updatedAt);

    @Query("""
            UPDATE webhook_endpoints SET enabled = false, updated_at = :at
             WHERE tenant_id = :tenantId AND id = :id AND enabled""")
    int disable(String tenantId, String id, Instant at);

    @Query("DELETE FROM webhook_endpoints WHERE tenant_id = :tenantId AND id = :id")
    int remove(String tenantId, String id);
}
