package com.novabilling.adapter.out.persistence.postgres.billing;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the totals the V5 triggers keep on {@code customers} against {@link BillingTotalsSql}, the one
 * definition of what they must be. A repair takes the customer's row lock first, then recomputes in a new
 * statement (under READ COMMITTED a new snapshot, which sees every billing write that held the lock before),
 * so a billing write running at the same time is neither lost nor counted twice. Callers run a repair inside
 * a transaction (the use case is {@code @Transactional}), so the lock holds until the corrected row commits.
 */
public final class PostgresBillingTotalsAudit implements BillingTotalsAudit {

    private static final String COMPARED = "SELECT c.tenant_id, c.id, c.currency, c.total_spent AS stored_total_spent,"
            + " c.active_subscriptions AS stored_active_subscriptions,\n" + BillingTotalsSql.COLUMNS
            + "\nFROM customers c";

    private final JdbcOperations jdbc;

    public PostgresBillingTotalsAudit(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countCustomers() {
        return PostgresFailures.translate(() -> jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM customers");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    @Override
    public List<BillingTotalsMismatch> findMismatches(Key after, int max) {
        String sql = "SELECT * FROM (" + COMPARED + " WHERE (c.tenant_id, c.id) > (?, ?)) t"
                + " WHERE t.stored_total_spent <> t.total_spent OR t.stored_active_subscriptions <> t.active_subscriptions"
                + " ORDER BY t.tenant_id, t.id LIMIT ?";
        return PostgresFailures.translate(() -> jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, after == null ? "" : after.tenantId().value());
                ps.setString(2, after == null ? "" : after.customerId().value());
                ps.setInt(3, max);
                return mismatches(ps);
            }
        }));
    }

    /**
     * Inside the caller's transaction when there is one; on an auto-commit connection in a transaction of its
     * own (a lock taken in auto-commit mode would end with its statement).
     */
    @Override
    public Optional<BillingTotalsMismatch> repair(TenantId tenantId, CustomerId customerId) {
        return PostgresFailures.translate(() -> jdbc.execute(connection -> {
            if (!connection.getAutoCommit()) {
                return repair(connection, tenantId, customerId);
            }
            connection.setAutoCommit(false);
            try {
                Optional<BillingTotalsMismatch> repaired = repair(connection, tenantId, customerId);
                connection.commit();
                return repaired;
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        }));
    }

    private static Optional<BillingTotalsMismatch> repair(Connection connection, TenantId tenantId,
                                                          CustomerId customerId) throws SQLException {
        {
            if (!locked(connection, tenantId, customerId)) {
                return Optional.<BillingTotalsMismatch>empty();
            }
            Optional<BillingTotalsMismatch> now;
            try (PreparedStatement ps = connection.prepareStatement(COMPARED + " WHERE c.tenant_id = ? AND c.id = ?")) {
                ps.setString(1, tenantId.value());
                ps.setString(2, customerId.value());
                now = mismatches(ps).stream().filter(PostgresBillingTotalsAudit::differs).findFirst();
            }
            if (now.isPresent()) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE customers SET total_spent = ?, active_subscriptions = ? WHERE tenant_id = ? AND id = ?")) {
                    ps.setBigDecimal(1, now.get().actualTotalSpent());
                    ps.setLong(2, now.get().actualActiveSubscriptions());
                    ps.setString(3, tenantId.value());
                    ps.setString(4, customerId.value());
                    ps.executeUpdate();
                }
            }
            return now;
        }
    }

    private static boolean locked(Connection connection, TenantId tenantId, CustomerId customerId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM customers WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, tenantId.value());
            ps.setString(2, customerId.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean differs(BillingTotalsMismatch m) {
        return m.storedTotalSpent().compareTo(m.actualTotalSpent()) != 0
                || m.storedActiveSubscriptions() != m.actualActiveSubscriptions();
    }

    private static List<BillingTotalsMismatch> mismatches(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<BillingTotalsMismatch> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new BillingTotalsMismatch(new TenantId(rs.getString("tenant_id")),
                        new CustomerId(rs.getString("id")), CurrencyCode.of(rs.getString("currency")),
                        rs.getBigDecimal("stored_total_spent"), rs.getLong("stored_active_subscriptions"),
                        rs.getBigDecimal("total_spent"), rs.getLong("active_subscriptions")));
            }
            return rows;
        }
    }
}
