package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.novabilling.adapter.out.persistence.postgres.SqlTimes.instant;

/**
 * Customers as the API shows them (with their billing totals), read by hand-written SQL through
 * {@link JdbcOperations}: the tuned list and search planner and the EXPLAIN-based estimate are beyond what
 * Micronaut Data generates. Rows are read into {@link CustomerRow} and mapped by {@link CustomerMapper}, like
 * the writes.
 */
public final class PostgresCustomerReadModel implements CustomerReadModel {

    private static final String COLUMNS =
            "c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, "
                    + "c.metadata::text AS metadata, c.created_at, c.updated_at";

    /** The billing totals, maintained on the row by migration V5's triggers: a read is a plain row read. */
    private static final String BILLING_COLUMNS = "c.total_spent, c.active_subscriptions";

    /** Up to this many matching rows, {@code total} is counted exactly. */
    static final int COUNT_CAP = 1_000;
    /** From this offset on, a page without search selects its keys by an index-only scan first. */
    static final int DEEP_OFFSET = 1_000;
    /** How many rows in sort order a search reads at most before it treats its term as rare. */
    static final int PROBE_WINDOW = 1_000;
    /**
     * A list PostgreSQL estimates at this many rows or more is not counted: its total is the estimate (a bounded
     * count reads 1,001 index entries, three times what the page itself costs). Only statistics wrong by a
     * factor of ten would hide a list of 1,000 or fewer behind such an estimate.
     */
    static final long UNCOUNTED_ESTIMATE = 10L * COUNT_CAP;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final JdbcOperations jdbc;
    private final RowEstimates estimates;
    private final SearchSample sample;

    public PostgresCustomerReadModel(JdbcOperations jdbc) {
        this(jdbc, SearchSample.statistics());
    }

    /** With another source of the search sample (tests choose which way a term is read first). */
    PostgresCustomerReadModel(JdbcOperations jdbc, SearchSample sample) {
        this.jdbc = jdbc;
        this.estimates = new RowEstimates();
        this.sample = sample;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Override
    public Optional<CustomerView> findView(TenantId tenantId, CustomerId customerId) {
        List<CustomerView> rows = PostgresFailures.translate(() -> jdbc.execute(connection -> query(connection,
                "SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + "\nFROM customers c WHERE c.tenant_id = ? AND c.id = ?",
                List.of(tenantId.value(), customerId.value()), false, this::view)));
        return rows.stream().findFirst();
    }

    /**
     * A page and its total, each by the plan that suits it (PostgreSQL alone cannot choose: it estimates
     * {@code ILIKE '%wanjiru%'} at a dozen rows whether 12 or 30,000 customers match):
     * <ul>
     * <li>with a search of letters by creation time (the default order), the page is read through the words index
     * of migration V7 ({@link SearchWords}): its cost depends on the words containing the term and the page's
     * depth, not on the table;</li>
     * <li>with another search, the page is read from the sort index (a common term) or from the trigram index (a
     * rare one), whichever {@link SearchSample} says suits the term; the other way is the fallback (see
     * {@link #searchPage}). Its cost is bounded by the matches or by the window, whatever else the table holds;</li>
     * <li>without a search, the page first; a deep page ({@link #DEEP_OFFSET} or more) selects its keys by an
     * index-only scan and joins the rows after, so the offset skips index entries, not rows;</li>
     * <li>a keyset page ({@code startingAfter} / {@code endingBefore}) reads the sort index from its cursor's sort
     * key on (same plans as above, with the key as the start): without a search in one statement that reads the
     * key itself (the cursor is looked up on its own only when the page is empty, to tell an unknown cursor from
     * the end of the list), with a search after looking the key up; its total is that of
     * the whole list without the cursor, counted up to {@link #COUNT_CAP} and estimated beyond;</li>
     * <li>the page fetches limit + 1 rows, so {@code hasMore} is exact; {@code total} is exact up to
     * {@link #COUNT_CAP} and an estimate beyond (counting 900,000 customers costs ~100 ms, a page ~1 ms).</li>
     * </ul>
     * Every statement here is planned for its values on each call (see {@link #query}), on one connection, but
     * those of a list filtered by its tenant alone ({@link #pageStatement}).
     */
    @Override
    public CustomerPage list(CustomerListCriteria criteria) {
        return PostgresFailures.translate(() -> jdbc.execute(connection -> {
            if (criteria.isKeyset()) {
                return keysetPage(connection, criteria);
            }
            return criteria.search() != null ? searchPage(connection, criteria, null)
                    : plainPage(connection, criteria);
        }));
    }

    private CustomerPage keysetPage(Connection connection, CustomerListCriteria criteria) throws SQLException {
        boolean before = criteria.endingBefore() != null;
        List<CustomerView> rows;
        if (criteria.search() == null) {
            // one statement: the cursor's sort key is read inside it; a page with rows proves the cursor exists
            rows = page(connection, CustomerListSql.of(criteria, CustomerListSql.Cursor.ofId(criteria.cursor().value()),
                    before), criteria.limit(), 0, false);
            if (rows.isEmpty()) {
                cursor(connection, criteria);
            }
        } else {
            rows = searchPage(connection, criteria, cursor(connection, criteria)).data();
        }
        boolean hasMore = rows.size() > criteria.limit();
        List<CustomerView> page = new ArrayList<>(hasMore ? rows.subList(0, criteria.limit()) : rows);
        if (before) {
            java.util.Collections.reverse(page);
        }
        Total total = criteria.search() != null && SearchWords.serves(criteria, 0)
                ? wordsTotal(connection, criteria.withoutCursor(), null)
                : total(connection, CustomerListSql.of(criteria.withoutCursor()));
        return result(criteria, page, total.rows(), total.exact(), hasMore);
    }

    /** A list's total: exact up to {@link #COUNT_CAP}, else the estimate; not counted when estimated far above. */
    private record Total(long rows, boolean exact) {
    }

    private Total total(Connection connection, CustomerListSql sql) throws SQLException {
        long estimate = estimatedRows(connection, sql);
        if (estimate >= UNCOUNTED_ESTIMATE) {
            return new Total(estimate, false);
        }
        long counted = boundedCount(connection, sql);
        return counted <= COUNT_CAP ? new Total(counted, true) : new Total(estimate, false);
    }

    /** The cursor customer's sort key; a cursor naming no customer of the tenant is the caller's mistake (400). */
    private static CustomerListSql.Cursor cursor(Connection connection, CustomerListCriteria criteria)
            throws SQLException {
        boolean timestamp = criteria.sortBy() == CustomerSortField.CREATED_AT
                || criteria.sortBy() == CustomerSortField.UPDATED_AT;
        List<CustomerListSql.Cursor> found = query(connection, "SELECT "
                        + CustomerListSql.sortKey(criteria.sortBy()).apply("c") + " AS sort_value, c.id FROM customers c"
                        + " WHERE c.tenant_id = ? AND c.id = ?",
                List.of(criteria.tenantId().value(), criteria.cursor().value()), false,
                rs -> new CustomerListSql.Cursor(timestamp ? rs.getObject(1, OffsetDateTime.class) : rs.getString(1),
                        rs.getString(2)));
        if (found.isEmpty()) {
            throw criteria.unknownCursor();
        }
        return found.get(0);
    }

    private CustomerPage plainPage(Connection connection, CustomerListCriteria criteria) throws SQLException {
        CustomerListSql sql = CustomerListSql.of(criteria);
        List<CustomerView> rows = page(connection, sql, criteria.limit(), criteria.offset(),
                criteria.offset() >= DEEP_OFFSET);
        boolean hasMore = rows.size() > criteria.limit();
        List<CustomerView> page = hasMore ? rows.subList(0, criteria.limit()) : rows;
        if (!hasMore && (!rows.isEmpty() || criteria.offset() == 0)) {
            return result(criteria, page, criteria.offset() + rows.size(), true, false);
        }
        Total total = total(connection, sql);
        return result(criteria, page, total.rows(), total.exact(), hasMore);
    }

    /**
     * A search page. With a keyset {@code cursor} (null for an offset page), only the rows from the cursor on,
     * in the page's reading order; the answer then carries limit + 1 rows (for {@code hasMore}) and no
     * meaningful total: {@link #keysetPage} counts the whole list itself.
     *
     * <p>A term of letters only, by creation time, without other filters and not deep: the words index
     * ({@link #wordsPage}), unless more than {@link SearchWords#MAX_WORDS} words contain the term. Otherwise:
     *
     * <p>Two ways to read a page, each cheap for one kind of term and costly for the other: the sort index
     * walked from the start with the term as a filter (a 1-in-20 name fills a page after ~400 rows; a random term
     * would read the whole window for nothing), or the trigram index (a random term: a few index pages; a common
     * name: a bitmap of tens of thousands of matches, ~30 ms). Which one goes first is decided by
     * {@link SearchSample}, the sample of {@code search_text} PostgreSQL keeps for its own estimates, without a
     * round trip; either way a wrong guess only costs time, never changes the answer:
     * <ol>
     * <li>rare in the sample: the trigram page with at most {@link #COUNT_CAP} + 1 matches, counted in the same
     * statement: up to {@link #COUNT_CAP} that is the whole answer, total exact;</li>
     * <li>dense in the sample, or more matches than the cap: the page among the first {@link #PROBE_WINDOW} rows
     * in sort order, read lazily (it stops at limit + 1 matches). Its total is the tenant's estimate times the
     * term's share of the sample (what the planner estimates for {@code LIKE}); below
     * {@link #UNCOUNTED_ESTIMATE} the matches are counted (capped), so a total of {@link #COUNT_CAP} or fewer is
     * exact;</li>
     * <li>the window held too few matches (they are older than many non-matching rows): every match through the
     * trigram index, fenced (the planner cannot walk the sort index instead), counted and top-N sorted. Its cost
     * is bounded by the matches, whatever else the table holds.</li>
     * </ol>
     */
    private CustomerPage searchPage(Connection connection, CustomerListCriteria criteria, CustomerListSql.Cursor cursor)
            throws SQLException {
        boolean keyset = cursor != null;
        boolean before = criteria.endingBefore() != null;
        long offset = keyset ? 0 : criteria.offset();
        int limit = criteria.limit();
        if (SearchWords.serves(criteria, offset)) {
            Optional<CustomerPage> page = wordsPage(connection, criteria, cursor, offset);
            if (page.isPresent()) {
                return page.get();
            }
        }
        CustomerListSql filters = CustomerListSql.of(criteria.withoutSearch(), cursor, before);
        CustomerListSql trigram = CustomerListSql.of(criteria, cursor, before);
        double share = sample.share(connection, criteria.search());
        boolean overCap = false;
        if (share * PROBE_WINDOW < offset + limit + 1) {
            Matched capped = trigramPage(connection, trigram, limit, offset, COUNT_CAP + 1);
            if (capped.count() <= COUNT_CAP) {
                return searchResult(criteria, capped.rows(), capped.count(), true);
            }
            overCap = true;
        }
        List<CustomerView> rows = windowPage(connection, criteria, filters, limit, offset);
        if (rows.size() > limit) {
            if (keyset) {
                return result(criteria, rows, 0, false, true);
            }
            long estimated = Math.round(estimatedRows(connection, filters) * share);
            if (overCap || estimated >= UNCOUNTED_ESTIMATE) {
                return result(criteria, rows.subList(0, limit), Math.max(estimated, COUNT_CAP + 1), false, true);
            }
            long counted = trigramPage(connection, trigram, 0, 0, COUNT_CAP + 1).count();
            return counted <= COUNT_CAP ? result(criteria, rows.subList(0, limit), counted, true, true)
                    : result(criteria, rows.subList(0, limit), Math.max(estimated, COUNT_CAP + 1), false, true);
        }
        Matched all = trigramPage(connection, trigram, limit, offset, 0);
        return searchResult(criteria, all.rows(), all.count(), true);
    }

    /**
     * A search page through the words index ({@link SearchWords}): the words containing the term (one small
     * statement: a term in no word, an empty page, is the whole answer), then the page over their customers, its
     * total as for any list (exact when it is the last page; else the estimate when that is
     * {@link #UNCOUNTED_ESTIMATE} or more, else counted over the words' postings up to {@link #COUNT_CAP}). Empty
     * when more than {@link SearchWords#MAX_WORDS} words contain the term: the caller reads the page the other way.
     */
    private Optional<CustomerPage> wordsPage(Connection connection, CustomerListCriteria criteria,
                                             CustomerListSql.Cursor cursor, long offset) throws SQLException {
        SearchWords.Found found = lookUpWords(connection, criteria);
        int words = found.count();
        if (words > SearchWords.MAX_WORDS) {
            return Optional.empty();
        }
        List<CustomerView> rows = List.of();
        if (words > 0) {
            PageStatement walk = wordsPageStatement(criteria, found.words(), cursor, offset);
            rows = query(connection, walk.sql(), walk.params(), walk.planPerCall(), this::view);
        }
        int limit = criteria.limit();
        boolean hasMore = rows.size() > limit;
        if (cursor != null) {
            return Optional.of(result(criteria, rows, 0, false, hasMore));
        }
        List<CustomerView> page = hasMore ? rows.subList(0, limit) : rows;
        if (!hasMore && (!rows.isEmpty() || offset == 0 || words == 0)) {
            return Optional.of(result(criteria, page, words == 0 ? 0 : offset + rows.size(), true, false));
        }
        Total total = wordsTotal(connection, criteria, found);
        return Optional.of(result(criteria, page, total.rows(), total.exact(), hasMore));
    }

    /**
     * The total of a search the words index serves: the tenant's estimate times the term's share of the sample
     * when that is {@link #UNCOUNTED_ESTIMATE} or more (as the other way), else the distinct customers over the
     * postings of the words containing the term ({@code found}, the page's lookup; looked up here when null),
     * counted up to {@link #COUNT_CAP}.
     */
    private Total wordsTotal(Connection connection, CustomerListCriteria criteria, SearchWords.Found found)
            throws SQLException {
        CustomerListSql filters = CustomerListSql.of(criteria.withoutSearch());
        long estimated = Math.round(estimatedRows(connection, filters) * sample.share(connection, criteria.search()));
        Total over = new Total(Math.max(estimated, COUNT_CAP + 1), false);
        if (estimated >= UNCOUNTED_ESTIMATE) {
            return over;
        }
        SearchWords.Found words = found != null ? found : lookUpWords(connection, criteria);
        if (words.count() > SearchWords.MAX_WORDS) {
            return total(connection, CustomerListSql.of(criteria));
        }
        if (words.count() == 0) {
            return new Total(0, true);
        }
        PageStatement count = wordsCountStatement(criteria, words.words());
        SearchWords.Counted counted = query(connection, count.sql(), count.params(), count.planPerCall(),
                SearchWords.Counted::read).get(0);
        boolean allRead = counted.postings() < (long) (COUNT_CAP + 1) * words.count();
        return allRead && counted.matched() <= COUNT_CAP ? new Total(counted.matched(), true) : over;
    }

    /** The words containing the term ({@link SearchWords#WORDS_SQL}), planned for the term (the trigram index). */
    private static SearchWords.Found lookUpWords(Connection connection, CustomerListCriteria criteria)
            throws SQLException {
        return query(connection, SearchWords.WORDS_SQL, SearchWords.wordsParams(criteria), true,
                SearchWords.Found::read).get(0);
    }

    /** limit + 1 rows of a search (the last one only tells {@code hasMore}) and the count of its matches. */
    private static CustomerPage searchResult(CustomerListCriteria criteria, List<CustomerView> rows, long count,
                                             boolean exact) {
        boolean hasMore = rows.size() > criteria.limit();
        if (criteria.isKeyset()) {
            return result(criteria, rows, 0, false, hasMore);
        }
        return result(criteria, hasMore ? rows.subList(0, criteria.limit()) : rows, count, exact, hasMore);
    }

    /**
     * limit + 1 matches among the first {@link #PROBE_WINDOW} rows in sort order. The window and the outer query
     * are ordered alike, so PostgreSQL reads the sort index only until it has limit + 1 matches (no sort: the plan
     * is Limit over the filtered index scan). No window function numbers the rows: at 1M rows it cost more than
     * half again the walk itself (3.8 vs 2.3 ms for a 1-in-22 name).
     */
    private List<CustomerView> windowPage(Connection connection, CustomerListCriteria criteria, CustomerListSql filters,
                                          int limit, long offset) throws SQLException {
        List<Object> params = new ArrayList<>(filters.params());
        params.addAll(List.of(CustomerListSql.pattern(criteria.search()), limit + 1, offset));
        String window = "SELECT c.*, " + filters.sortKey("c") + " AS sort_key FROM customers c" + filters.where("c")
                + " ORDER BY " + filters.orderBy("c") + " LIMIT " + PROBE_WINDOW;
        return query(connection, "SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + "\nFROM (" + window + ") c WHERE "
                + CustomerListSql.search("c") + " ORDER BY " + filters.orderBy("c.sort_key", "c.id")
                + " LIMIT ? OFFSET ?", params, true, this::view);
    }

    /** Rows of a fenced trigram page and the count of the matches read (all of them, or up to the cap). */
    private record Matched(List<CustomerView> rows, long count) {
    }

    /**
     * limit + 1 rows of a search page read from the trigram index, fenced: the matches are materialized first
     * (a bitmap scan of {@code customers_search_text_trgm_idx}), so the planner cannot prefer walking the sort
     * index backwards and filtering row by row, whose cost grows with every newer customer that does not match.
     * With a {@code cap} (0: none), at most that many matches are read: when fewer come back they are all of them.
     * The count of the matches read comes in the same statement, also with an empty page.
     */
    private Matched trigramPage(Connection connection, CustomerListSql sql, int limit, long offset, int cap)
            throws SQLException {
        List<Object> params = new ArrayList<>(sql.params());
        params.add(limit + 1);
        params.add(offset);
        long[] count = {0};
        // only the keys and the sort key are materialized; the page's rows are joined after the top-N sort
        List<CustomerView> rows = query(connection, "WITH m AS MATERIALIZED (SELECT c.tenant_id, c.id, "
                + sql.sortKey("c") + " AS sort_key FROM customers c" + sql.where("c") + (cap > 0 ? " LIMIT " + cap : "")
                + "),\npage AS (SELECT m.tenant_id, m.id FROM m ORDER BY " + sql.orderBy("m.sort_key", "m.id")
                + " LIMIT ? OFFSET ?)\n"
                + "SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + ", n.matched\n"
                + "FROM (SELECT count(*) AS matched FROM m) n LEFT JOIN (page JOIN customers c ON c.tenant_id = page.tenant_id"
                + " AND c.id = page.id) ON true ORDER BY " + sql.orderBy("c"), params, true, rs -> {
                    count[0] = rs.getLong("matched");
                    return rs.getString("id") == null ? null : view(rs);
                });
        return new Matched(rows.stream().filter(java.util.Objects::nonNull).toList(), count[0]);
    }

    private static CustomerPage result(CustomerListCriteria criteria, List<CustomerView> page, long total, boolean exact,
                                       boolean hasMore) {
        long atLeast = (criteria.isKeyset() ? 0 : criteria.offset()) + page.size() + (hasMore ? 1 : 0);
        long shown = exact ? total : Math.max(total, Math.max(COUNT_CAP + 1, atLeast));
        return new CustomerPage(page, shown, exact, criteria.page(), criteria.limit(), hasMore);
    }

    /** limit + 1 rows of the page ({@link #pageStatement}). */
    private List<CustomerView> page(Connection connection, CustomerListSql sql, int limit, long offset,
                                    boolean keysFirst) throws SQLException {
        PageStatement statement = pageStatement(sql, limit, offset, keysFirst);
        return query(connection, statement.sql(), statement.params(), statement.planPerCall(), this::view);
    }

    /** A statement, its bind values, and whether PostgreSQL plans it for those values on every call. */
    record PageStatement(String sql, List<Object> params, boolean planPerCall) {
    }

    /**
     * The statement of a page of limit + 1 rows; from {@link #DEEP_OFFSET} on, their keys first by an index-only
     * scan, then the rows.
     *
     * <p>A list filtered by nothing but its tenant (a keyset cursor aside) has one best plan whatever the tenant and
     * the cursor: a walk of its sort index, from the start or from the cursor, that stops after limit + 1 rows. Its
     * statement is not planned per call: pgjdbc prepares it on the server after 5 uses on a connection, and
     * PostgreSQL then keeps the generic plan (parse and plan were ~60% of PostgreSQL's CPU for page 1). For
     * PostgreSQL to keep it, the generic plan must not look costlier than one made for the values, so the tenant
     * ({@link CustomerListSql#tenantInText}), the {@code LIMIT} and the {@code OFFSET} are written into the text: a
     * generic plan cannot see a bound value, assumes the average tenant's rows and 10% of them for a bound
     * {@code LIMIT} or {@code OFFSET}, and at such a cost PostgreSQL goes on planning every call. Deep pages (each
     * offset its own text, rarely repeated) and any other filter (whose best plan depends on its value) are planned
     * for their values on every call.
     */
    static PageStatement pageStatement(CustomerListSql list, int limit, long offset, boolean keysFirst) {
        boolean generic = list.unfiltered() && !keysFirst;
        CustomerListSql sql = generic ? list.tenantInText() : list;
        List<Object> params = new ArrayList<>(sql.params());
        if (!generic) {
            params.add(limit + 1);
            params.add(offset);
        }
        String ordered = sql.where("c") + " ORDER BY " + sql.orderBy("c")
                + (generic ? " LIMIT " + (limit + 1) + " OFFSET " + offset : " LIMIT ? OFFSET ?");
        String from = keysFirst
                ? "(SELECT c.tenant_id, c.id FROM customers c" + ordered
                        + ") page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id"
                : "(SELECT * FROM customers c" + ordered + ") c";
        return new PageStatement("SELECT " + COLUMNS + ",\n" + BILLING_COLUMNS + "\nFROM " + from + " ORDER BY "
                + sql.orderBy("c"), List.copyOf(params), !generic);
    }

    /**
     * The page of a search through the words index ({@link SearchWords#pageSql}), over the customers of
     * {@code words} ({@link SearchWords.Found#words}). Not planned per call: its best plan is the
     * same for every tenant, word list, depth and cursor (a backward, or forward, index-only walk of
     * {@code customer_search_words} per word that stops at offset + limit + 1, then the page's rows by primary key),
     * so pgjdbc prepares it on the server after 5 uses on a connection and PostgreSQL keeps the generic plan, which
     * has that shape. Planned on every call, parse and plan were ~60% of PostgreSQL's CPU for this statement. The
     * dictionary lookup before it stays planned for its term: its plan depends on the pattern.
     */
    static PageStatement wordsPageStatement(CustomerListCriteria criteria, String[] words, CustomerListSql.Cursor cursor,
                                            long offset) {
        return new PageStatement(SearchWords.pageSql(COLUMNS + ",\n" + BILLING_COLUMNS, criteria, words.length,
                cursor != null, offset), SearchWords.pageParams(criteria, words, cursor), false);
    }

    /**
     * The count of a search's matches over {@code words} ({@link SearchWords#countSql}), up to {@link #COUNT_CAP} per
     * word. Not planned per call, like the page's walk: its best plan is the same for every term of a tenant.
     */
    static PageStatement wordsCountStatement(CustomerListCriteria criteria, String[] words) {
        return new PageStatement(SearchWords.countSql(criteria, words.length, COUNT_CAP), List.of((Object) words), false);
    }

    /** Up to {@link #COUNT_CAP} + 1 rows counted; like a page, on a generic plan when only the tenant filters. */
    private long boundedCount(Connection connection, CustomerListSql list) throws SQLException {
        CustomerListSql sql = list.unfiltered() ? list.tenantInText() : list;
        return query(connection, "SELECT count(*) FROM (SELECT 1 FROM customers c" + sql.where("c") + " LIMIT "
                + (COUNT_CAP + 1) + ") bounded", sql.params(), !sql.unfiltered(), rs -> rs.getLong(1)).get(0);
    }

    /**
     * PostgreSQL's estimate of the rows matching {@code sql} (planning only, no rows read), kept for a few seconds
     * ({@link RowEstimates}): it moves only with the table's size and statistics.
     */
    private long estimatedRows(Connection connection, CustomerListSql sql) throws SQLException {
        String explain = "EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c" + sql.where("c");
        return estimates.rows(explain, sql.params(), () -> query(connection, explain, sql.params(), true,
                rs -> estimatedRows(rs.getString(1))).get(0));
    }

    /**
     * The {@link #COLUMNS} of the current row as a {@link CustomerRow}, read by hand: Micronaut Data's
     * {@code readEntity} builds a result mapper for every row, which a 21-row page pays 21 times.
     */
    private static CustomerRow row(ResultSet rs) throws SQLException {
        return new CustomerRow(new CustomerKey(rs.getString("tenant_id"), rs.getString("id")),
                rs.getString("external_id"), rs.getString("email"), rs.getString("name"), rs.getString("country"),
                rs.getString("currency"), rs.getString("status"), rs.getString("metadata"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** The top plan node's row estimate in {@code EXPLAIN (FORMAT JSON)} output. */
    static long estimatedRows(String explainJson) {
        Matcher m = PLAN_ROWS.matcher(explainJson);
        return m.find() ? Long.parseLong(m.group(1)) : 0L;
    }

    /**
     * Runs one statement. With {@code planPerCall}, PostgreSQL plans it for the values of this call every
     * time: pgjdbc turns a statement into a server-prepared one after 5 executions, and PostgreSQL may then
     * switch to a generic plan that cannot know how selective {@code search_text LIKE $1} is; for the list and
     * search queries that plan can be orders of magnitude slower than the one made for the actual pattern. A
     * prepare threshold of 0 keeps the statement unnamed, so it is planned with its values on each execution.
     */
    private static <T> List<T> query(Connection connection, String sql, List<?> params, boolean planPerCall,
                                     RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (planPerCall) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        }
    }

    private CustomerView view(ResultSet rs) throws SQLException {
        Customer customer = CustomerMapper.customer(row(rs));
        Money totalSpent = new Money(rs.getBigDecimal("total_spent"), customer.currency());
        return new CustomerView(customer, totalSpent, rs.getLong("active_subscriptions"));
    }
}
