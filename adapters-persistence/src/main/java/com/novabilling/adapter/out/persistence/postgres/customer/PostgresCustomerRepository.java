package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.shared.StoreUnavailableException;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.EventSelection;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import static com.novabilling.adapter.out.persistence.postgres.SqlTimes.at;

/**
 * Customers in PostgreSQL, written through {@link CustomerRowRepository}. Uniqueness of email
 * (case-insensitive) and external id is left to the unique indexes; {@link PostgresFailures} turns their
 * violations into the domain's conflict errors.
 *
 * <p>A create ({@link #insertCreated}) is ONE statement, {@link #INSERT_CREATED}: a writable CTE that inserts the
 * customer, its event and the event's deliveries, so it is atomic in autocommit (no BEGIN/COMMIT round trips, the
 * pooled connection held for one round trip). The delivery ids are made in SQL, in {@link DeliveryId}'s format.
 */
public final class PostgresCustomerRepository implements CustomerRepository {

    static final String EMAIL_INDEX = "customers_tenant_email_key";
    static final String EXTERNAL_ID_INDEX = "customers_tenant_external_id_key";

    /**
     * The customer ({@code c}), its event ({@code e}, from {@code c}'s row, so only when the customer was inserted)
     * and one pending delivery, due at once, per enabled endpoint of the tenant subscribed to the event's type or to
     * {@code "*"} ({@code d}: {@code WebhookEndpoint.receives} in SQL), the endpoints as the statement's snapshot
     * sees them. A unique violation anywhere fails the whole statement: nothing is stored.
     * A delivery id is {@code whd_} + the event's millisecond as the ULID's 10 time characters (bound, made as
     * {@code DeliveryId.generate} makes them) + 16 random characters of the lowercase Crockford alphabet: the 12
     * bytes of a fresh {@code gen_random_uuid()} that are all random (the 4 bytes holding its version and variant
     * bits cut out), in base64 (16 characters of 6 bits), each mapped to the alphabet's character of its value
     * mod 32 (5 bits each: 80 random bits, as a ULID has). One expression per row, so one uuid per delivery.
     * Answers the number of deliveries queued.
     */
    static final String INSERT_CREATED = """
            WITH c AS (
                INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status, metadata,
                                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                RETURNING tenant_id),
            e AS (
                INSERT INTO events (tenant_id, id, type, created_at, body)
                SELECT c.tenant_id, ?, ?, ?, ? FROM c
                RETURNING tenant_id, id, type, created_at),
            d AS (
                INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, status, attempts, created_at,
                                                next_attempt_at)
                SELECT e.tenant_id,
                       ? || translate(encode(overlay(uuid_send(gen_random_uuid()) PLACING ''::bytea FROM 7 FOR 4), 'base64'),
                                      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
                                      '0123456789abcdefghjkmnpqrstvwxyz0123456789abcdefghjkmnpqrstvwxyz'),
                       w.id, e.id, 'pending', 0, e.created_at, e.created_at
                  FROM e
                  JOIN webhook_endpoints w
                    ON w.tenant_id = e.tenant_id AND w.enabled AND (e.type = ANY (w.events) OR ? = ANY (w.events))
                RETURNING 1)
            SELECT count(*) AS deliveries FROM d""";

    /** Zeros for the random part of an id of which only the time characters are used. */
    private static final RandomGenerator ZEROS = () -> 0L;

    private final CustomerRowRepository rows;
    private final JdbcOperations jdbc;

    public PostgresCustomerRepository(CustomerRowRepository rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Customer customer) {
        PostgresFailures.translate(() -> rows.save(CustomerMapper.row(customer)), conflicts(customer));
    }

    @Override
    public void insertCreated(Customer customer, Event created) {
        if (!created.tenantId().equals(customer.tenantId())) {
            throw new IllegalArgumentException("an event of another tenant than its customer's: " + created.id());
        }
        CustomerRow row = CustomerMapper.row(customer);
        String deliveryIdStart = deliveryIdStart(created.createdAt());
        boolean[] autocommit = {false};
        try {
            PostgresFailures.translate(() -> jdbc.execute(connection -> {
                autocommit[0] = connection.getAutoCommit();
                try (PreparedStatement ps = connection.prepareStatement(INSERT_CREATED)) {
                    int i = 1;
                    ps.setString(i++, row.key().tenantId());
                    ps.setString(i++, row.key().id());
                    ps.setString(i++, row.externalId());
                    ps.setString(i++, row.email());
                    ps.setString(i++, row.name());
                    ps.setString(i++, row.country());
                    ps.setString(i++, row.currency());
                    ps.setString(i++, row.status());
                    ps.setString(i++, row.metadata());
                    ps.setObject(i++, at(row.createdAt()));
                    ps.setObject(i++, at(row.updatedAt()));
                    ps.setString(i++, created.id().value());
                    ps.setString(i++, created.type().wireName());
                    ps.setObject(i++, at(created.createdAt()));
                    ps.setString(i++, created.body());
                    ps.setString(i++, deliveryIdStart);
                    ps.setString(i, EventSelection.ALL);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt("deliveries");
                    }
                }
            }), conflicts(customer));
        } catch (StoreUnavailableException e) {
            // Sent in autocommit, the statement commits by itself: a connection lost once it was sent may have lost
            // only the answer. Inside a transaction the commit decides (and a failed commit says so).
            if (autocommit[0] && !e.outcomeUnknown() && PostgresFailures.mayHaveCommitted(e)) {
                throw new StoreUnavailableException(e.getCause(), true);
            }
            throw e;
        }
    }

    /** {@code whd_} and the 10 time characters of a delivery id made at {@code at}; SQL adds the random part. */
    static String deliveryIdStart(Instant at) {
        return DeliveryId.generate(at, ZEROS).value().substring(0, DeliveryId.PREFIX.length() + 10);
    }

    @Override
    public void update(Customer customer) {
        long updated = PostgresFailures.translate(() -> rows.update(CustomerMapper.row(customer)), conflicts(customer));
        if (updated != 1) {
            throw new IllegalStateException("update of a customer that is not stored: " + customer.id());
        }
    }

    private static Map<String, Supplier<? extends RuntimeException>> conflicts(Customer customer) {
        return Map.of(
                EMAIL_INDEX, () -> new CustomerEmailTakenException(customer.email()),
                EXTERNAL_ID_INDEX, () -> new CustomerExternalIdTakenException(customer.externalId().orElseThrow()));
    }

    @Override
    public Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> rows.findByIdForUpdate(CustomerMapper.key(tenantId, customerId))
                .map(CustomerMapper::customer));
    }

    @Override
    public boolean delete(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> rows.deleteById(CustomerMapper.key(tenantId, customerId))) == 1;
    }
}
