package com.novabilling.adapter.out.persistence.postgres.event;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code events}. {@link #append} runs on the caller's transaction (the customer write), so an
 * event exists exactly when its change was committed. Lists walk the primary key (tenant, id) backwards: ids
 * are ULIDs, so that is newest first, and the cursor is a plain {@code id <} bound.
 */
public final class PostgresEventStore implements EventStore {

    private final EventRowRepository rows;
    private final JdbcOperations jdbc;

    public PostgresEventStore(EventRowRepository rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public void append(Event event) {
        PostgresFailures.translate(() -> rows.save(new EventRow(new EventKey(event.tenantId().value(), event.id().value()),
                event.type().wireName(), event.createdAt(), event.body())));
    }

    @Override
    public Optional<Event> find(TenantId tenantId, EventId eventId) {
        return PostgresFailures.translate(() -> rows.findById(new EventKey(tenantId.value(), eventId.value()))
                .map(PostgresEventStore::event));
    }

    @Override
    public List<Event> list(EventListCriteria criteria) {
        StringBuilder sql = new StringBuilder("SELECT tenant_id, id, type, created_at, body FROM events WHERE tenant_id = ?");
        if (criteria.typeOrNull() != null) {
            sql.append(" AND type = ?");
        }
        if (criteria.startingAfterOrNull() != null) {
            sql.append(" AND id < ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        return PostgresFailures.translate(() -> jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setString(i++, criteria.tenantId().value());
                if (criteria.typeOrNull() != null) {
                    ps.setString(i++, criteria.typeOrNull().wireName());
                }
                if (criteria.startingAfterOrNull() != null) {
                    ps.setString(i++, criteria.startingAfterOrNull().value());
                }
                ps.setInt(i, criteria.limit() + 1);
                List<Event> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new Event(new EventId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                                type(rs.getString("type")), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                rs.getString("body")));
                    }
                }
                return events;
            }
        }));
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int batch) {
        return PostgresFailures.translate(() -> rows.purgeCreatedBefore(cutoff, batch));
    }

    private static Event event(EventRow row) {
        return new Event(new EventId(row.key().id()), new TenantId(row.key().tenantId()), type(row.type()),
                row.createdAt(), row.body());
    }

    private static EventType type(String wire) {
        return EventType.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown stored event type " + wire));
    }
}
