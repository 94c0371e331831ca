package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.shared.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The filters and order of a customer list, as parts to put together for any table alias: {@link #where},
 * {@link #orderBy} and the bind values {@link #params}. Only fixed SQL fragments chosen by enum go into
 * the text (and, by {@link #tenantInText}, the tenant id, never a value from the request); every value the
 * caller gave is a bind parameter, and the search term is escaped so that {@code %}, {@code _} and {@code \}
 * match themselves.
 */
final class CustomerListSql {

    /** One condition, written for a given table alias, and its bind values. */
    private record Condition(Function<String, String> sql, List<Object> values) {
        Condition(Function<String, String> sql, Object value) {
            this(sql, List.of(value));
        }
    }

    /**
     * Where a keyset page starts: the cursor customer's sort key (an {@code OffsetDateTime} or a
     * {@code String}) and id; or the id alone ({@link #ofId}), whose sort key the page's own statement reads.
     */
    record Cursor(Object sortValue, String id) {

        /** A cursor whose sort key is read by the page's statement itself, from the tenant's customer {@code id}. */
        static Cursor ofId(String id) {
            return new Cursor(null, id);
        }

        boolean keyInline() {
            return sortValue == null;
        }
    }

    private final List<Condition> conditions;
    private final boolean filtered;
    private final Function<String, String> sortKey;
    private final boolean tieBreak;
    private final String direction;
    /** What this was built from, to build it again with the tenant in the text ({@link #tenantInText}). */
    private final CustomerListCriteria criteria;
    private final Cursor cursor;
    private final boolean before;

    private CustomerListSql(List<Condition> conditions, boolean filtered, Function<String, String> sortKey,
                            boolean tieBreak, String direction, CustomerListCriteria criteria, Cursor cursor,
                            boolean before) {
        this.conditions = List.copyOf(conditions);
        this.filtered = filtered;
        this.sortKey = sortKey;
        this.tieBreak = tieBreak;
        this.direction = direction;
        this.criteria = criteria;
        this.cursor = cursor;
        this.before = before;
    }

    static CustomerListSql of(CustomerListCriteria c) {
        return of(c, null, false);
    }

    /**
     * The expression a list sorts by, for table alias {@code a}. {@code lower(email)} is unique per tenant
     * (the index {@code customers_tenant_email_key}), so that order needs no id to break ties and that index
     * serves it, keyset conditions included.
     */
    static Function<String, String> sortKey(CustomerSortField field) {
        return switch (field) {
            case CREATED_AT -> a -> a + ".created_at";
            case UPDATED_AT -> a -> a + ".updated_at";
            case NAME -> a -> a + ".name";
            case EMAIL -> a -> "lower(" + a + ".email)";
        };
    }

    /**
     * With a {@code cursor}: only the rows after it in list order, or before it when {@code before}; a page
     * before the cursor is read in the reverse order (the caller reverses the rows it gets), so either way the
     * sort index is read from the cursor on and the cost does not depend on the depth.
     */
    static CustomerListSql of(CustomerListCriteria c, Cursor cursor, boolean before) {
        return of(c, cursor, before, false);
    }

    /**
     * The same list with the tenant written into the text as a literal instead of a bind value: a list filtered by
     * its tenant alone then has no bind value but a keyset cursor's id, whose estimate (one row by primary key) is
     * the same in every plan, so PostgreSQL's generic plan costs what a plan for the values costs and a prepared
     * statement keeps it (with the tenant bound, the generic plan's row estimate is the average tenant's, and
     * whether PostgreSQL keeps it would depend on the table's statistics). Safe as text: a {@link TenantId} is
     * {@code [A-Za-z0-9_]{1,64}} by construction ({@link #literal}). Only for a list filtered by nothing else.
     */
    CustomerListSql tenantInText() {
        if (filtered) {
            throw new IllegalStateException("only a list filtered by its tenant alone has its tenant in the text");
        }
        return of(criteria, cursor, before, true);
    }

    /**
     * The tenant id as an SQL string literal. Its syntax is {@link TenantId}'s to check (its constructor refuses
     * anything but {@code [A-Za-z0-9_]}); here only what would end or escape the literal is refused, so a later
     * change of that syntax cannot turn into SQL.
     */
    static String literal(TenantId tenant) {
        String value = tenant.value();
        if (value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a tenant id with a quote or a backslash cannot be written into SQL");
        }
        return "'" + value + "'";
    }

    private static CustomerListSql of(CustomerListCriteria c, Cursor cursor, boolean before, boolean tenantInText) {
        List<Condition> conditions = new ArrayList<>();
        String tenant = tenantInText ? literal(c.tenantId()) : null;
        conditions.add(tenantInText ? new Condition(a -> a + ".tenant_id = " + tenant, List.of())
                : new Condition(a -> a + ".tenant_id = ?", c.tenantId().value()));
        if (c.status() != null) {
            conditions.add(new Condition(a -> a + ".status = ?", c.status().wireName()));
        }
        if (c.country() != null) {
            conditions.add(new Condition(a -> a + ".country = ?", c.country().value()));
        }
        if (c.currency() != null) {
            conditions.add(new Condition(a -> a + ".currency = ?", c.currency().value()));
        }
        if (c.externalId() != null) {
            conditions.add(new Condition(a -> a + ".external_id = ?", c.externalId().value()));
        }
        if (c.email() != null) {
            conditions.add(new Condition(a -> "lower(" + a + ".email) = lower(?)", c.email().value()));
        }
        if (c.search() != null) {
            conditions.add(new Condition(CustomerListSql::search, pattern(c.search())));
        }
        boolean filtered = conditions.size() > 1;
        Function<String, String> key = sortKey(c.sortBy());
        boolean tieBreak = c.sortBy() != CustomerSortField.EMAIL;
        boolean descending = (c.sortOrder() == SortOrder.DESC) != before;
        if (cursor != null && cursor.keyInline()) {
            // the cursor row's key by primary key, in the same statement (an InitPlan: PostgreSQL reads it once,
            // then starts the sort index scan from it); no such customer of the tenant gives no row at all
            String op = descending ? " < " : " > ";
            String cursorRow = " FROM customers cursor_row WHERE cursor_row.tenant_id = " + (tenantInText ? tenant : "?")
                    + " AND cursor_row.id = ?)";
            List<Object> values = tenantInText ? List.of(cursor.id()) : List.of(c.tenantId().value(), cursor.id());
            conditions.add(tieBreak
                    ? new Condition(a -> "(" + key.apply(a) + ", " + a + ".id)" + op + "(SELECT "
                            + key.apply("cursor_row") + ", cursor_row.id" + cursorRow, values)
                    : new Condition(a -> key.apply(a) + op + "(SELECT " + key.apply("cursor_row") + cursorRow, values));
        } else if (cursor != null) {
            String op = descending ? " < " : " > ";
            conditions.add(tieBreak
                    ? new Condition(a -> "(" + key.apply(a) + ", " + a + ".id)" + op + "(?, ?)",
                            List.of(cursor.sortValue(), cursor.id()))
                    : new Condition(a -> key.apply(a) + op + "?", cursor.sortValue()));
        }
        return new CustomerListSql(conditions, filtered, key, tieBreak, descending ? " DESC" : " ASC", c, cursor, before);
    }

    /**
     * A case-insensitive substring of name or email: {@code search_text} is {@code lower(name) || chr(1) ||
     * lower(email)}, stored (migration V2), with a trigram index; the one bind value is the LIKE pattern.
     */
    static String search(String alias) {
        return alias + ".search_text LIKE lower(?)";
    }

    /** {@code " WHERE "} and every condition on {@code alias}, joined by AND. */
    String where(String alias) {
        StringBuilder where = new StringBuilder(" WHERE ");
        for (int i = 0; i < conditions.size(); i++) {
            where.append(i == 0 ? "" : " AND ").append(conditions.get(i).sql().apply(alias));
        }
        return where.toString();
    }

    /**
     * True when no filter but the tenant applies (a keyset cursor aside): every value then has the same best plan,
     * a walk of the sort index from its start or from the cursor.
     */
    boolean unfiltered() {
        return !filtered;
    }

    List<Object> params() {
        return conditions.stream().flatMap(condition -> condition.values().stream()).toList();
    }

    /** The sort key expression on {@code alias}. */
    String sortKey(String alias) {
        return sortKey.apply(alias);
    }

    /** The order over given columns holding the sort key and the id (a materialized result's). */
    String orderBy(String sortKeyColumn, String idColumn) {
        return sortKeyColumn + direction + (tieBreak ? ", " + idColumn + direction : "");
    }

    /** The sort key, then the id as tie-break (but for the unique email), both in the requested direction. */
    String orderBy(String alias) {
        return sortKey.apply(alias) + direction + (tieBreak ? ", " + alias + ".id" + direction : "");
    }

    /** The LIKE pattern of a search: the escaped term between two {@code %}. */
    static String pattern(String search) {
        return "%" + escapeLike(search) + "%";
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
