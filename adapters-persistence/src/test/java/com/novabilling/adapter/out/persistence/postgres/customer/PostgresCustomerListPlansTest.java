package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list filtered by its tenant alone runs as a server-prepared statement on PostgreSQL's generic plan, and that plan
 * walks the sort index and stops after the page (no sort, no scan of the table); any other list is planned for its
 * values on every call. A search page through the words index runs on a generic plan too, walking each word's
 * postings. Checked on the connection that ran the lists, through {@code pg_prepared_statements}.
 */
class PostgresCustomerListPlansTest {

    private static final TenantId TENANT = new TenantId("ten_plans");
    private static final int ROWS = 3_000;
    /**
     * Tenants of 3 customers each beside the one of {@link #ROWS}: with the tenant bound, the generic plan would
     * estimate the average tenant's ~30 rows, cost far more than a plan for the large tenant, and PostgreSQL would
     * not keep it; with the tenant in the text both plans are the same.
     */
    private static final int SMALL_TENANTS = 100;
    /** More than pgjdbc's 5 uses before it names a statement, then PostgreSQL's 5 custom plans before a generic one. */
    private static final int RUNS = 12;

    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private static PostgresCustomerReadModel store;

    @BeforeAll
    static void aLargeTenantAmongManySmallOnes() {
        store = postgres.readModel();
        TestJdbc jdbc = postgres.sql();
        jdbc.update("INSERT INTO tenants (id, name) SELECT 'ten_small_' || n, 'Small' FROM generate_series(1, ?) AS n"
                + " UNION ALL SELECT 'ten_plans', 'Plans'", List.of(SMALL_TENANTS));
        // names, e-mails and update times in other orders than creation; every status 'active' (see the filter test)
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_plans', 'cust_0' || lpad(to_hex(n), 25, '0'), 'p' || ((n * 7919) % ?) || '@plans.test',
                       'Name ' || ((n * 104729) % ?), 'UGX', 'active', '{}',
                       timestamptz '2026-01-01' + n * interval '1 minute',
                       timestamptz '2026-06-01' - ((n * 31) % ?) * interval '1 minute'
                  FROM generate_series(1, ?) AS n""", List.of(ROWS, ROWS, ROWS, ROWS));
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_small_' || t, 'cust_1' || lpad(to_hex(t * 16 + n), 25, '0'), 's' || n || '@small.test',
                       'Small ' || n, 'UGX', 'active', '{}', now(), now()
                  FROM generate_series(1, ?) AS t, generate_series(1, 3) AS n""", List.of(SMALL_TENANTS));
        jdbc.update("ANALYZE customers", List.of());
    }

    static Stream<Arguments> orders() {
        List<Arguments> all = new ArrayList<>();
        for (CustomerSortField field : CustomerSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                all.add(Arguments.of(field, order));
            }
        }
        return all.stream();
    }

    private static CustomerListCriteria.Builder list(CustomerSortField field, SortOrder order) {
        return new CustomerListCriteria.Builder(TENANT).limit(20).sortBy(field).sortOrder(order);
    }

    /** A prepared statement of the current connection: its text, how often each kind of plan ran, and its name. */
    private record Prepared(String name, String statement, long genericPlans, long customPlans) {
    }

    private static List<Prepared> prepared() {
        return postgres.sql().query("SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements",
                List.of(), rs -> new Prepared(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /** The text of a statement as pgjdbc sends it to the server: each {@code ?} numbered. */
    private static String serverText(String sql) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            text.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return text.toString();
    }

    private static List<String> ids(CustomerPage page) {
        return page.data().stream().map(CustomerView::customer).map(c -> c.id().value()).toList();
    }

    /** The statement prepared on the server for a page, and PostgreSQL's generic plan of it. */
    private record Seen(Prepared prepared, String genericPlan) {
    }

    /**
     * Runs the list {@link #RUNS} times on one connection (one transaction), each answer {@code expected}; then finds,
     * among the statements prepared on that connection (they live as long as it does, so earlier tests' are there
     * too), the one whose text is {@code statement}'s, and its plan for the statement's bind values with
     * {@code plan_cache_mode = force_generic_plan}.
     */
    private static Seen runOnOneConnection(CustomerListCriteria criteria, List<String> expected,
                                           PostgresCustomerReadModel.PageStatement statement) {
        return postgres.inTransaction(() -> {
            for (int i = 0; i < RUNS; i++) {
                assertThat(ids(store.list(criteria))).as("run %d", i + 1).isEqualTo(expected);
            }
            String text = serverText(statement.sql());
            List<Prepared> all = prepared();
            List<Prepared> found = all.stream().filter(p -> p.statement().equals(text)).toList();
            assertThat(found).as("%s among the prepared statements %s", text, all).hasSize(1);
            postgres.sql().update("SET LOCAL plan_cache_mode = force_generic_plan", List.of());
            String args = statement.params().isEmpty() ? ""
                    : "(" + String.join(", ", statement.params().stream().map(v -> "'" + (v instanceof Object[] array
                            ? "{" + String.join(",", Arrays.stream(array).map(String::valueOf).toList()) + "}"
                            : v) + "'").toList()) + ")";
            List<String> plan = postgres.sql().query("EXPLAIN EXECUTE \"" + found.get(0).name() + "\"" + args,
                    List.of(), rs -> rs.getString(1));
            return new Seen(found.get(0), String.join("\n", plan));
        });
    }

    /** Every list runs on one connection's prepared statements: none of them may be a filtered list's. */
    private static List<Prepared> runOnOneConnection(CustomerListCriteria criteria, List<String> expected) {
        return postgres.inTransaction(() -> {
            for (int i = 0; i < RUNS; i++) {
                assertThat(ids(store.list(criteria))).as("run %d", i + 1).isEqualTo(expected);
            }
            return prepared();
        });
    }

    /** The index that serves a sort (migration V1): what a page's walk must read. */
    private static String sortIndex(CustomerSortField field) {
        return switch (field) {
            case CREATED_AT -> "customers_tenant_created_idx";
            case UPDATED_AT -> "customers_tenant_updated_idx";
            case NAME -> "customers_tenant_name_idx";
            case EMAIL -> "customers_tenant_email_key";
        };
    }

    private static void assertGenericPlanIsUsedAndWalksTheIndex(Seen seen, CustomerSortField field) {
        assertThat(seen.prepared().genericPlans()).as("generic plans of %s", seen.prepared()).isPositive();
        String plan = seen.genericPlan();
        assertThat(plan).as(plan).contains("Limit");
        // under the Limit: the walk of an index, neither sorted nor a scan of the table (the sort by lower(email)
        // sorts the page's 21 rows again above it, as the outer ORDER BY asks)
        String walk = plan.substring(plan.indexOf("Limit"));
        assertThat(walk).as(plan).containsPattern("Index (Only )?Scan( Backward)? using " + sortIndex(field) + " on customers ")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
    }

    /**
     * The same list with a filter every customer passes ({@code status = active}): planned per call, so its
     * answer is the reference for the generic plan's.
     */
    private static List<String> reference(UnaryOperator<CustomerListCriteria.Builder> list) {
        return ids(store.list(list.apply(new CustomerListCriteria.Builder(TENANT)).status(CustomerStatus.ACTIVE).build()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orders")
    void unfilteredPagesRunOnAGenericPlanThatWalksTheSortIndex(CustomerSortField field, SortOrder order) {
        for (int page : new int[] {1, 3}) {
            List<String> expected = reference(b -> b.limit(20).sortBy(field).sortOrder(order).page(page));
            assertThat(expected).hasSize(20);

            CustomerListCriteria criteria = list(field, order).page(page).build();
            Seen seen = runOnOneConnection(criteria, expected, PostgresCustomerReadModel.pageStatement(
                    CustomerListSql.of(criteria), 20, (page - 1) * 20L, false));
            assertGenericPlanIsUsedAndWalksTheIndex(seen, field);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orders")
    void keysetPagesBothWaysRunOnAGenericPlanThatWalksTheSortIndexFromTheCursor(CustomerSortField field,
                                                                                   SortOrder order) {
        List<String> all = reference(b -> b.limit(100).sortBy(field).sortOrder(order));
        CustomerId cursor = new CustomerId(all.get(50));

        for (boolean beforeCursor : new boolean[] {false, true}) {
            CustomerListCriteria criteria = beforeCursor ? list(field, order).endingBefore(cursor).build()
                    : list(field, order).startingAfter(cursor).build();
            CustomerListSql sql = CustomerListSql.of(criteria, CustomerListSql.Cursor.ofId(cursor.value()), beforeCursor);
            Seen seen = runOnOneConnection(criteria, beforeCursor ? all.subList(30, 50) : all.subList(51, 71),
                    PostgresCustomerReadModel.pageStatement(sql, 20, 0, false));
            assertGenericPlanIsUsedAndWalksTheIndex(seen, field);
        }
    }

    static Stream<Arguments> searchWalks() {
        List<Arguments> all = new ArrayList<>();
        for (SortOrder order : SortOrder.values()) {
            for (String cursor : new String[] {"none", "startingAfter", "endingBefore"}) {
                all.add(Arguments.of(order, cursor));
            }
        }
        return all.stream();
    }

    /**
     * A search the words index serves ({@link SearchWords}): its page runs on a generic plan of the shape that is
     * best for every word list, depth and cursor: the postings of each word walked in the page's direction by an
     * index-only scan under a {@code Limit}, then the page's rows by primary key; no scan of the customers' trigram
     * index, no sequential scan. The answer is the one the other way of reading a search gives.
     */
    @ParameterizedTest(name = "{0}, cursor: {1}")
    @MethodSource("searchWalks")
    void searchPagesThroughTheWordsIndexRunOnAGenericPlanThatWalksThePostings(SortOrder order, String cursorKind) {
        // 'nam' is in one word of each of the tenant's customers ('Name ...'), in none of the small tenants'
        List<String> all = reference(b -> b.limit(100).search("nam").sortOrder(order));
        assertThat(all).hasSize(100);
        CustomerId at = new CustomerId(all.get(50));
        CustomerListCriteria.Builder search = list(CustomerSortField.CREATED_AT, order).search("nam");
        CustomerListCriteria criteria = switch (cursorKind) {
            case "startingAfter" -> search.startingAfter(at).build();
            case "endingBefore" -> search.endingBefore(at).build();
            default -> search.build();
        };
        assertThat(SearchWords.serves(criteria, 0)).isTrue();
        List<String> expected = switch (cursorKind) {
            case "startingAfter" -> all.subList(51, 71);
            case "endingBefore" -> all.subList(30, 50);
            default -> all.subList(0, 20);
        };
        CustomerListSql.Cursor cursor = cursorKind.equals("none") ? null : postgres.sql().query(
                "SELECT created_at, id FROM customers WHERE tenant_id = ? AND id = ?", List.of(TENANT.value(), at.value()),
                rs -> new CustomerListSql.Cursor(rs.getObject(1, OffsetDateTime.class), rs.getString(2))).get(0);

        Seen seen = runOnOneConnection(criteria, expected,
                PostgresCustomerReadModel.wordsPageStatement(criteria, new String[] {"name"}, cursor, 0));

        assertThat(seen.prepared().genericPlans()).as("generic plans of %s", seen.prepared()).isPositive();
        // a page before the cursor is read away from it, against the list's order
        boolean backward = (order == SortOrder.DESC) != cursorKind.equals("endingBefore");
        String plan = seen.genericPlan();
        assertThat(plan).as(plan)
                .containsPattern("Limit[^\\n]*\\n *-> +Index Only Scan" + (backward ? " Backward" : "")
                        + " using customer_search_words_pkey on customer_search_words")
                .contains("Index Scan using customers_pkey on customers c")
                .doesNotContain("Seq Scan").doesNotContain("customers_search_text_trgm_idx");
    }

    /**
     * The total of a search the words index serves, in a tenant whose estimate of the matches is under
     * {@link PostgresCustomerReadModel#UNCOUNTED_ESTIMATE}: counted over the postings of the words the page's lookup
     * found (bound, not looked up again), on a generic plan that reads each word's postings by an index-only scan.
     * 'nam' is in the word 'name' of every one of the tenant's 3,000 customers: the count stops at the cap, so the
     * total is the estimate, not exact.
     */
    @Test
    void theWordsCountOfASmallTenantsSearchRunsOnAGenericPlanOverTheWordsThePageFound() {
        List<String> all = reference(b -> b.limit(100).search("nam"));
        CustomerListCriteria criteria = list(CustomerSortField.CREATED_AT, SortOrder.DESC).search("nam").build();
        assertThat(SearchWords.serves(criteria, 0)).isTrue();
        CustomerPage page = store.list(criteria);
        assertThat(page.totalIsExact()).isFalse();
        assertThat(page.total()).isGreaterThan(PostgresCustomerReadModel.COUNT_CAP);

        PostgresCustomerReadModel.PageStatement count =
                PostgresCustomerReadModel.wordsCountStatement(criteria, new String[] {"name"});
        assertThat(count.sql()).contains("customer_search_words s ON s.tenant_id = 'ten_plans'").contains("LIMIT 1)")
                .contains("LIMIT 1001) x").doesNotContain("search_words d");
        Seen seen = runOnOneConnection(criteria, all.subList(0, 20), count);

        assertThat(seen.prepared().genericPlans()).as("generic plans of %s", seen.prepared()).isPositive();
        String plan = seen.genericPlan();
        assertThat(plan).as(plan).contains("Index Only Scan using customer_search_words_pkey on customer_search_words")
                .doesNotContain("Seq Scan").doesNotContain("trgm");
    }

    @Test
    void aFilteredListIsPlannedForItsValuesOnEveryCall() {
        List<String> expected = reference(b -> b.limit(20));

        List<Prepared> statements = runOnOneConnection(
                new CustomerListCriteria.Builder(TENANT).limit(20).status(CustomerStatus.ACTIVE).build(), expected);

        assertThat(statements).as("%s", statements).noneMatch(p -> p.statement().contains("status ="));
    }

    @Test
    void pageStatementsWriteTheTenantLimitAndOffsetIntoTheTextOnlyForUnfilteredShallowPages() {
        CustomerListSql unfiltered = CustomerListSql.of(new CustomerListCriteria.Builder(TENANT).limit(20).build());
        CustomerListSql filtered = CustomerListSql.of(
                new CustomerListCriteria.Builder(TENANT).limit(20).status(CustomerStatus.INACTIVE).build());

        PostgresCustomerReadModel.PageStatement first = PostgresCustomerReadModel.pageStatement(unfiltered, 20, 40, false);
        assertThat(first.sql()).contains("c.tenant_id = 'ten_plans'").contains("LIMIT 21 OFFSET 40").doesNotContain("?");
        assertThat(first.params()).isEmpty();
        assertThat(first.planPerCall()).isFalse();

        CustomerListSql keyset = CustomerListSql.of(new CustomerListCriteria.Builder(TENANT).limit(20)
                .startingAfter(new CustomerId("cust_0000000000000000000000000a")).build(),
                CustomerListSql.Cursor.ofId("cust_0000000000000000000000000a"), false);
        PostgresCustomerReadModel.PageStatement next = PostgresCustomerReadModel.pageStatement(keyset, 20, 0, false);
        assertThat(next.sql()).contains("c.tenant_id = 'ten_plans'").contains("cursor_row.tenant_id = 'ten_plans'")
                .contains("cursor_row.id = ?").contains("LIMIT 21 OFFSET 0");
        assertThat(next.params()).containsExactly("cust_0000000000000000000000000a");
        assertThat(next.planPerCall()).isFalse();

        PostgresCustomerReadModel.PageStatement deep = PostgresCustomerReadModel.pageStatement(unfiltered, 20, 5_000, true);
        assertThat(deep.sql()).contains("LIMIT ? OFFSET ?");
        assertThat(deep.params()).containsExactly(TENANT.value(), 21, 5_000L);
        assertThat(deep.planPerCall()).isTrue();

        PostgresCustomerReadModel.PageStatement other = PostgresCustomerReadModel.pageStatement(filtered, 20, 0, false);
        assertThat(other.sql()).contains("LIMIT ? OFFSET ?");
        assertThat(other.params()).containsExactly(TENANT.value(), "inactive", 21, 0L);
        assertThat(other.planPerCall()).isTrue();
        assertThatThrownBy(filtered::tenantInText).isInstanceOf(IllegalStateException.class);
    }
}
