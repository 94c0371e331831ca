package com.novabilling.adapter.out.persistence.postgres.webhook;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.WebhookEndpointId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static com.novabilling.adapter.out.persistence.postgres.SqlTimes.at;
import static com.novabilling.adapter.out.persistence.postgres.SqlTimes.instant;

/**
 * Deliveries in {@code webhook_deliveries}, attempts in {@code webhook_delivery_attempts}, in hand-written SQL:
 * the claim is one statement, an {@code UPDATE} of the rows a {@code SELECT ... FOR UPDATE SKIP LOCKED} picked,
 * so instances claiming at the same moment take disjoint rows without waiting for each other, and a claim is a
 * lease ({@code claimed_until}) that lapses by itself when its holder dies. Recording an attempt is also one
 * statement (the delivery's update and the attempt's insert in one CTE), so it is atomic without a transaction
 * around the HTTP call.
 */
public final class PostgresDeliveryStore implements DeliveryStore {

    private final JdbcOperations jdbc;

    public PostgresDeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        return PostgresFailures.translate(() -> jdbc.execute(work::run));
    }


    @Override
    public void enqueue(List<PendingDelivery> deliveries) {
        sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, status, attempts, created_at,
                                                    next_attempt_at)
                    VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)""")) {
                for (PendingDelivery d : deliveries) {
                    ps.setString(1, d.tenantId().value());
                    ps.setString(2, d.id().value());
                    ps.setString(3, d.endpointId().value());
                    ps.setString(4, d.eventId().value());
                    ps.setObject(5, at(d.createdAt()));
                    ps.setObject(6, at(d.createdAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int max, Collection<WebhookEndpointId> saturated) {
        return sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    UPDATE webhook_deliveries d SET claimed_until = ?
                      FROM (SELECT tenant_id, id FROM webhook_deliveries
                             WHERE status = 'pending' AND next_attempt_at <= ?
                               AND (claimed_until IS NULL OR claimed_until < ?)
                               AND NOT (endpoint_id = ANY (?))
                             ORDER BY next_attempt_at
                             LIMIT ?
                             FOR UPDATE SKIP LOCKED) due
                     WHERE d.tenant_id = due.tenant_id AND d.id = due.id
                    RETURNING d.tenant_id, d.id, d.endpoint_id, d.event_id, d.attempts, d.created_at, d.next_attempt_at""")) {
                ps.setObject(1, at(claimedUntil));
                ps.setObject(2, at(now));
                ps.setObject(3, at(now));
                ps.setArray(4, connection.createArrayOf("text",
                        saturated.stream().map(WebhookEndpointId::value).toArray()));
                ps.setInt(5, max);
                List<DueDelivery> claimed = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new DueDelivery(new DeliveryId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                                new WebhookEndpointId(rs.getString("endpoint_id")), new EventId(rs.getString("event_id")),
                                rs.getInt("attempts"), instant(rs, "created_at")));
                    }
                }
                return claimed;
            }
        });
    }

    @Override
    public void release(Collection<DueDelivery> deliveries) {
        sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE webhook_deliveries SET claimed_until = NULL WHERE tenant_id = ? AND id = ? AND status = 'pending'")) {
                for (DueDelivery d : deliveries) {
                    ps.setString(1, d.tenantId().value());
                    ps.setString(2, d.id().value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void record(DeliveryAttempt a) {
        String status = switch (a.outcome()) {
            case DELIVERED -> "delivered";
            case RETRYING -> "pending";
            case FAILED -> "failed";
        };
        sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    WITH moved AS (
                        UPDATE webhook_deliveries
                           SET status = ?, attempts = ?, claimed_until = NULL,
                               next_attempt_at = coalesce(?, next_attempt_at)
                         WHERE tenant_id = ? AND id = ?
                        RETURNING tenant_id, id)
                    INSERT INTO webhook_delivery_attempts (tenant_id, id, delivery_id, endpoint_id, event_id, event_type,
                                                           attempt, attempted_at, status_code, duration_ms, error, outcome,
                                                           next_retry_at)
                    SELECT moved.tenant_id, ?, moved.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM moved""")) {
                int i = 1;
                ps.setString(i++, status);
                ps.setInt(i++, a.attempt());
                ps.setObject(i++, at(a.nextRetryAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(i++, a.tenantId().value());
                ps.setString(i++, a.deliveryId().value());
                ps.setString(i++, a.id().value());
                ps.setString(i++, a.endpointId().value());
                ps.setString(i++, a.eventId().value());
                ps.setString(i++, a.eventType().wireName());
                ps.setInt(i++, a.attempt());
                ps.setObject(i++, at(a.attemptedAt()));
                if (a.statusCode() == null) {
                    ps.setNull(i++, Types.INTEGER);
                } else {
                    ps.setInt(i++, a.statusCode());
                }
                ps.setLong(i++, a.durationMillis());
                ps.setString(i++, a.error());
                ps.setString(i++, a.outcome().wireName());
                ps.setObject(i, at(a.nextRetryAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(TenantId tenantId, WebhookEndpointId endpointId, AttemptId startingAfter,
                                          int limit) {
        String sql = "SELECT * FROM webhook_delivery_attempts WHERE tenant_id = ? AND endpoint_id = ?"
                + (startingAfter != null ? " AND id < ?" : "") + " ORDER BY id DESC LIMIT ?";
        return sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, tenantId.value());
                ps.setString(i++, endpointId.value());
                if (startingAfter != null) {
                    ps.setString(i++, startingAfter.value());
                }
                ps.setInt(i, limit);
                List<DeliveryAttempt> attempts = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int status = rs.getInt("status_code");
                        Integer statusCode = rs.wasNull() ? null : status;
                        attempts.add(new DeliveryAttempt(new AttemptId(rs.getString("id")),
                                new TenantId(rs.getString("tenant_id")), new WebhookEndpointId(rs.getString("endpoint_id")),
                                new DeliveryId(rs.getString("delivery_id")), new EventId(rs.getString("event_id")),
                                EventType.fromWire(rs.getString("event_type")).orElseThrow(), rs.getInt("attempt"),
                                instant(rs, "attempted_at"), statusCode, rs.getLong("duration_ms"), rs.getString("error"),
                                AttemptOutcome.fromWire(rs.getString("outcome")), instant(rs, "next_retry_at")));
                    }
                }
                return attempts;
            }
        });
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return sql(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT min(next_attempt_at) AS oldest FROM webhook_deliveries
                     WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""")) {
                ps.setObject(1, at(now));
                ps.setObject(2, at(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(instant(rs, "oldest")) : Optional.<Instant>empty();
                }
            }
        });
    }
}
