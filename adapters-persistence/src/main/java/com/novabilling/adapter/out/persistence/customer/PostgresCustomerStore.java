package com.novabilling.adapter.out.persistence.customer;

import com.novabilling.adapter.out.persistence.jdbc.DataAccessFailure;
import com.novabilling.adapter.out.persistence.jdbc.Jdbc;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers in PostgreSQL. Every statement names the tenant. Uniqueness of email (case-insensitive) and
 * external id is left to the unique indexes, whose violations become the domain's conflict errors.
 */
@Singleton
public final class PostgresCustomerStore implements CustomerRepository, CustomerReadModel {

    static final String EMAIL_INDEX = "customers_tenant_email_key";
    static final String EXTERNAL_ID_INDEX = "customers_tenant_external_id_key";

    private static final String COLUMNS =
            "c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, "
                    + "c.metadata::text AS metadata, c.created_at, c.updated_at";

    /** The billing totals, computed per returned row only (the subqueries sit outside any LIMIT). */
    private static final String BILLING_COLUMNS = BillingTotalsSql.COLUMNS;

    /** Up to this many matching rows, {@code total} is counted exactly. */
    static final int COUNT_CAP = 1_000;
    /** From this offset on, a page without search selects its keys by an index-only scan first. */
    static final int DEEP_OFFSET = 1_000;
    /** How many rows in sort order a search reads at most before it treats its term as rare. */
    static final int PROBE_WINDOW = 1_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final Jdbc jdbc;

    public PostgresCustomerStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Customer customer) {
        writeMappingConflicts(customer, () -> jdbc.update("""
                INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status, metadata,
                                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""", row(customer)));
    }

    @Override
    public void update(Customer customer) {
        List<Object> params = new ArrayList<>(row(customer).subList(2, 11));
        params.add(customer.tenantId().value());
        params.add(customer.id().value());
        int updated = writeMappingConflicts(customer, () -> jdbc.update("""
                UPDATE customers SET external_id = ?, email = ?, name = ?, country = ?, currency = ?, status = ?,
                                     metadata = ?::jsonb, created_at = ?, updated_at = ?
                 WHERE tenant_id = ? AND id = ?""", params));
        if (updated != 1) {
            throw new IllegalStateException("update of a customer that is not stored: " + customer.id());
        }
    }

    private static List<Object> row(Customer c) {
        List<Object> row = new ArrayList<>(11);
        row.add(c.tenantId().value());
        row.add(c.id().value());
        row.add(c.externalId().map(ExternalId::value).orElse(null));
        row.add(c.email().value());
        row.add(c.name().value());
        row.add(c.country().map(CountryCode::value).orElse(null));
        row.add(c.currency().value());
        row.add(c.status().wireName());
        row.add(MetadataJson.write(c.metadata()));
        row.add(c.createdAt());
        row.add(c.updatedAt());
        return row;
    }

    private static int writeMappingConflicts(Customer customer, java.util.function.IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DataAccessFailure e) {
            String constraint = e.violatedUniqueConstraint().orElseThrow(() -> e);
            if (constraint.equals(EMAIL_INDEX)) {
                throw new CustomerEmailTakenException(customer.email());
            }
            if (constraint.equals(EXTERNAL_ID_INDEX)) {
                throw new CustomerExternalIdTakenException(customer.externalId().orElseThrow());
            }
            throw e;
        }
    }

    @Override
    public Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM customers c WHERE c.tenant_id = ? AND c.id = ? FOR UPDATE",
                List.of(tenantId.value(), customerId.value()), PostgresCustomerStore::customer);
    }

    @Override
    public boolean delete(TenantId tenantId, CustomerId customerId) {
        return jdbc.update("DELETE FROM customers WHERE tenant_id = ? AND id = ?",
                List.of(tenantId.value(), customerId.value())) == 1;
    }

    @Override
    public Optional<CustomerView> findView(TenantId tenantId, CustomerId customerId) {
        return jdbc.queryOne("SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS
                        + "\nFROM customers c WHERE c.tenant_id = ? AND c.id = ?",
                List.of(tenantId.value(), customerId.value()), PostgresCustomerStore::view);
    }

    /**
     * A page and its total, each by the plan that suits it (PostgreSQL alone cannot choose: it estimates
     * {@code ILIKE '%wanjiru%'} at a dozen rows whether 12 or 30,000 customers match):
     * <ul>
     * <li>with a search, the page is first sought among the first {@link #PROBE_WINDOW} rows in sort order,
     * read lazily: a common term (a 1-in-30 first name) fills it after a few hundred rows, and the total is
     * extrapolated from how far into the window the page ended. Otherwise the term is rare, and a bounded
     * count and the page go through the trigram indexes;</li>
     * <li>without a search, the page first; a deep page ({@link #DEEP_OFFSET} or more) selects its keys by an
     * index-only scan and joins the rows after, so the offset skips index entries, not rows;</li>
     * <li>the page fetches limit + 1 rows, so {@code hasMore} is exact; {@code total} is exact up to
     * {@link #COUNT_CAP} and an estimate beyond (counting 900,000 customers costs ~100 ms, a page ~1 ms).</li>
     * </ul>
     */
    @Override
    public CustomerPage list(CustomerListCriteria criteria) {
        return jdbc.withConnection(connection -> criteria.search() != null ? searchPage(criteria) : plainPage(criteria));
    }

    private CustomerPage plainPage(CustomerListCriteria criteria) {
        CustomerListSql sql = CustomerListSql.of(criteria);
        List<CustomerView> rows = page(sql, criteria, criteria.offset() >= DEEP_OFFSET);
        boolean hasMore = rows.size() > criteria.limit();
        List<CustomerView> page = hasMore ? rows.subList(0, criteria.limit()) : rows;
        if (!hasMore && (!rows.isEmpty() || criteria.offset() == 0)) {
            return result(criteria, page, criteria.offset() + rows.size(), true, false);
        }
        long counted = boundedCount(sql);
        return counted <= COUNT_CAP ? result(criteria, page, counted, true, hasMore)
                : result(criteria, page, estimatedRows(sql), false, hasMore);
    }

    private CustomerPage searchPage(CustomerListCriteria criteria) {
        CustomerListSql filters = CustomerListSql.of(criteria.withoutSearch());
        CustomerListSql trigram = CustomerListSql.of(criteria);
        // 1. the page among the first PROBE_WINDOW rows in sort order, read lazily: a common term fills it after
        //    a few hundred rows; rn, the window position of each match, tells how dense the term is
        String pattern = CustomerListSql.pattern(criteria.search());
        List<Object> params = new ArrayList<>(filters.params());
        params.addAll(List.of(pattern, criteria.limit() + 1, criteria.offset()));
        List<Ranked> ranked = jdbc.queryPlannedPerCall("SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + ", c.rn"
                + "\nFROM (SELECT * FROM (SELECT w.*, row_number() OVER (ORDER BY " + filters.orderBy().replace("c.", "w.")
                + ") AS rn FROM (SELECT * FROM customers c" + filters.where() + " ORDER BY " + filters.orderBy()
                + " LIMIT " + PROBE_WINDOW + ") w) c WHERE " + CustomerListSql.SEARCH + " ORDER BY c.rn"
                + " LIMIT ? OFFSET ?) c ORDER BY c.rn", params, rs -> new Ranked(view(rs), rs.getLong("rn")));
        if (ranked.size() > criteria.limit()) {
            List<CustomerView> page = ranked.subList(0, criteria.limit()).stream().map(Ranked::view).toList();
            long scanned = ranked.get(ranked.size() - 1).rn();
            long extrapolated = estimatedRows(filters) * (criteria.offset() + ranked.size()) / scanned;
            if (extrapolated > COUNT_CAP) {
                return result(criteria, page, extrapolated, false, true);
            }
            long counted = boundedCount(trigram);
            return result(criteria, page, counted, counted <= COUNT_CAP, true);
        }
        // 2. a rare term (or a page past the window): count and page through the trigram indexes
        long counted = boundedCount(trigram);
        List<CustomerView> rows = page(trigram, criteria, false);
        boolean hasMore = rows.size() > criteria.limit();
        List<CustomerView> page = hasMore ? rows.subList(0, criteria.limit()) : rows;
        return result(criteria, page, counted, counted <= COUNT_CAP, hasMore);
    }

    private record Ranked(CustomerView view, long rn) {
    }

    private static CustomerPage result(CustomerListCriteria criteria, List<CustomerView> page, long total, boolean exact,
                                       boolean hasMore) {
        long atLeast = criteria.offset() + page.size() + (hasMore ? 1 : 0);
        long shown = exact ? total : Math.max(total, Math.max(COUNT_CAP + 1, atLeast));
        return new CustomerPage(page, shown, exact, criteria.page(), criteria.limit(), hasMore);
    }

    private List<CustomerView> page(CustomerListSql sql, CustomerListCriteria criteria, boolean keysFirst) {
        List<Object> params = new ArrayList<>(sql.params());
        params.add(criteria.limit() + 1);
        params.add(criteria.offset());
        String from = keysFirst
                ? "(SELECT c.tenant_id, c.id FROM customers c" + sql.where() + " ORDER BY " + sql.orderBy()
                        + " LIMIT ? OFFSET ?) page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id"
                : "(SELECT * FROM customers c" + sql.where() + " ORDER BY " + sql.orderBy() + " LIMIT ? OFFSET ?) c";
        return jdbc.queryPlannedPerCall("SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + "\nFROM " + from
                + " ORDER BY " + sql.orderBy(), params, PostgresCustomerStore::view);
    }

    private long boundedCount(CustomerListSql sql) {
        return jdbc.queryPlannedPerCall("SELECT count(*) FROM (SELECT 1 FROM customers c" + sql.where()
                + " LIMIT " + (COUNT_CAP + 1) + ") bounded", sql.params(), rs -> rs.getLong(1)).get(0);
    }

    /** PostgreSQL's estimate of the rows matching {@code sql} (planning only, no rows read). */
    private long estimatedRows(CustomerListSql sql) {
        return jdbc.queryPlannedPerCall("EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c" + sql.where(),
                sql.params(), rs -> estimatedRows(rs.getString(1))).get(0);
    }

    /** The top plan node's row estimate in {@code EXPLAIN (FORMAT JSON)} output. */
    static long estimatedRows(String explainJson) {
        Matcher m = PLAN_ROWS.matcher(explainJson);
        return m.find() ? Long.parseLong(m.group(1)) : 0L;
    }

    private static CustomerView view(ResultSet rs) throws SQLException {
        Customer customer = customer(rs);
        Money totalSpent = new Money(rs.getBigDecimal("total_spent"), customer.currency());
        return new CustomerView(customer, totalSpent, rs.getLong("active_subscriptions"));
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        String externalId = rs.getString("external_id");
        String country = rs.getString("country");
        return Customer.restore(
                new CustomerId(rs.getString("id")),
                new TenantId(rs.getString("tenant_id")),
                new Email(rs.getString("email")),
                new CustomerName(rs.getString("name")),
                externalId == null ? null : new ExternalId(externalId),
                country == null ? null : new CountryCode(country),
                new CurrencyCode(rs.getString("currency")),
                CustomerStatus.fromWire(rs.getString("status")),
                MetadataJson.read(rs.getString("metadata")),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
