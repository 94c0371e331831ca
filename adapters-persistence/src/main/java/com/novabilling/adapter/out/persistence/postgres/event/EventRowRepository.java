package com.novabilling.adapter.out.persistence.postgres.event;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EventRowRepository extends GenericRepository<EventRow, EventKey> {

    EventRow save(EventRow row);

    Optional<EventRow> findById(EventKey key);

    /** Deletes up to {@code batch} events created before {@code cutoff}; deliveries and attempts cascade. */
    @Query("""
            DELETE FROM events WHERE (tenant_id, id) IN (
                SELECT tenant_id, id FROM events WHERE created_at < :cutoff LIMIT :batch)""")
    int purgeCreatedBefore(Instant cutoff, int batch);
}
