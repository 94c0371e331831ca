package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Past 1,000 matches the list answers with an estimated total; hasMore and last pages stay exact. */
class PostgresCustomerListBoundsTest {

    private static final int ROWS = PostgresCustomerReadModel.PROBE_WINDOW + PostgresCustomerReadModel.COUNT_CAP;
    private static final TenantId BIG = new TenantId("ten_big");
    /** 1,200 customers named 'Old Match', all older than 1,000 newer ones that do not match. */
    private static final TenantId CLIFF = new TenantId("ten_cliff");
    private static final int OLD_MATCHES = PostgresCustomerReadModel.COUNT_CAP + 200;
    /** More customers than a list is counted for when PostgreSQL's estimate is right. */
    private static final TenantId HUGE = new TenantId("ten_huge");
    private static final int HUGE_ROWS = (int) PostgresCustomerReadModel.UNCOUNTED_ESTIMATE + 2_000;
    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private static PostgresCustomerReadModel store;
    /** The same store with a search read first along the sort index, or first through the trigram index. */
    private static PostgresCustomerReadModel sortIndexFirst;
    private static PostgresCustomerReadModel trigramFirst;

    @BeforeAll
    static void aTenantWithMoreThanTheCapOfCustomers() {
        store = postgres.readModel();
        TestJdbc jdbc = postgres.sql();
        jdbc.update("INSERT INTO tenants (id, name) VALUES ('ten_big', 'Big')", List.of());
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_big', 'cust_0' || lpad(to_hex(n), 25, '0'), 'c' || n || '@big.test',
                       CASE WHEN n > ? - 100 THEN 'Ancient Name ' || n
                            WHEN n % 100 = 0 THEN 'Rare Name ' || n ELSE 'Common Name ' || n END,
                       'UGX', 'active', '{}', now() - n * interval '1 second', now() - n * interval '1 second'
                  FROM generate_series(1, ?) AS n""", List.of(ROWS, ROWS));
        jdbc.update("INSERT INTO tenants (id, name) VALUES ('ten_cliff', 'Cliff'), ('ten_huge', 'Huge')", List.of());
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_cliff', 'cust_1' || lpad(to_hex(n), 25, '0'), 'o' || n || '@cliff.test',
                       CASE WHEN n > 1000 THEN 'Old Match ' || n ELSE 'Newer Other ' || n END,
                       'UGX', 'active', '{}', now() - n * interval '1 second', now() - n * interval '1 second'
                  FROM generate_series(1, ?) AS n""", List.of(1000 + OLD_MATCHES));
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_huge', 'cust_2' || lpad(to_hex(n), 25, '0'), 'h' || n || '@huge.test', 'Huge ' || n,
                       'UGX', 'active', '{}', now() - n * interval '1 second', now() - n * interval '1 second'
                  FROM generate_series(1, ?) AS n""", List.of(HUGE_ROWS));
        jdbc.update("ANALYZE customers", List.of());
        JdbcOperations operations = postgres.bean(JdbcOperations.class);
        sortIndexFirst = new PostgresCustomerReadModel(operations, (connection, term) -> 1.0);
        trigramFirst = new PostgresCustomerReadModel(operations, (connection, term) -> 0.0);
    }

    private CustomerListCriteria.Builder criteria() {
        return new CustomerListCriteria.Builder(BIG);
    }

    @Test
    void firstPageOfAHugeResultHasAnEstimatedTotalAndAnExactHasMore() {
        CustomerPage page = store.list(criteria().limit(20).build());

        assertThat(page.data()).hasSize(20);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.totalIsExact()).isFalse();
        assertThat(page.total()).isGreaterThan(PostgresCustomerReadModel.COUNT_CAP).isBetween(ROWS * 8L / 10, ROWS * 12L / 10);
    }

    @Test
    void smallerResultsAreCountedExactly() {
        CustomerPage rare = store.list(criteria().search("rare name").limit(5).build());

        assertThat(rare.totalIsExact()).isTrue();
        assertThat(rare.total()).isEqualTo(countWhereName("Rare Name %"));
        assertThat(rare.hasMore()).isTrue();
    }

    @Test
    void theLastPageKnowsTheExactTotal() {
        int limit = 20;
        int lastPage = (ROWS + limit - 1) / limit;

        CustomerPage last = store.list(criteria().limit(limit).page(lastPage).build());

        assertThat(last.data()).hasSize(ROWS - (lastPage - 1) * limit);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.totalIsExact()).isTrue();
        assertThat(last.total()).isEqualTo(ROWS);
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithoutMore() {
        CustomerPage beyond = store.list(criteria().limit(100).page(1000).build());

        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.hasMore()).isFalse();
        assertThat(beyond.total()).isGreaterThan(PostgresCustomerReadModel.COUNT_CAP);
    }

    @Test
    void aCommonSearchTermIsPagedInSortOrderWithTheSameRows() {
        CustomerPage common = store.list(criteria().search("common name").limit(20).page(3).build());

        List<String> expected = jdbc().query("SELECT id FROM customers WHERE tenant_id = 'ten_big' AND name ILIKE '%common name%'"
                + " ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 40", List.of(), rs -> rs.getString(1));
        assertThat(common.data()).extracting(v -> v.customer().id().value()).containsExactlyElementsOf(expected);
        assertThat(common.hasMore()).isTrue();
        assertThat(common.totalIsExact()).isFalse();
        assertThat(common.total()).isGreaterThan(PostgresCustomerReadModel.COUNT_CAP);
    }

    @Test
    void aDeepPageSelectsTheSameRowsAsAPlainOffset() {
        int page = 51;
        CustomerPage deep = store.list(criteria().limit(20).page(page).build());

        List<String> expected = jdbc().query("SELECT id FROM customers WHERE tenant_id = 'ten_big'"
                + " ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET ?", List.of((page - 1) * 20), rs -> rs.getString(1));
        assertThat((page - 1) * 20).isGreaterThanOrEqualTo(PostgresCustomerReadModel.DEEP_OFFSET);
        assertThat(deep.data()).extracting(v -> v.customer().id().value()).containsExactlyElementsOf(expected);
        assertThat(deep.hasMore()).isTrue();
    }

    @Test
    void aTermOnlyOlderCustomersMatchGoesThroughTheTrigramIndexesAndIsCountedExactly() {
        CustomerPage ancient = store.list(criteria().search("ANCIENT").limit(20).page(2).build());

        List<String> expected = jdbc().query("SELECT id FROM customers WHERE tenant_id = 'ten_big' AND name LIKE 'Ancient%'"
                + " ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 20", List.of(), rs -> rs.getString(1));
        assertThat(ancient.data()).extracting(v -> v.customer().id().value()).containsExactlyElementsOf(expected);
        assertThat(ancient.totalIsExact()).isTrue();
        assertThat(ancient.total()).isEqualTo(100);
        assertThat(ancient.hasMore()).isTrue();
    }

    @Test
    void eitherWayOfReadingASearchGivesTheSameAnswer() {
        for (String term : List.of("rare name", "common name", "ANCIENT", "name 19", "nothing like it")) {
            for (int page : List.of(1, 3)) {
                CustomerListCriteria criteria = criteria().search(term).limit(5).page(page).build();
                List<String> expected = jdbc().query("SELECT id FROM customers WHERE tenant_id = 'ten_big' AND name ILIKE ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT 5 OFFSET ?", List.of("%" + term + "%", (page - 1) * 5),
                        rs -> rs.getString(1));
                long matching = countWhereName("%" + term + "%");
                for (PostgresCustomerReadModel model : List.of(store, sortIndexFirst, trigramFirst)) {
                    CustomerPage found = model.list(criteria);
                    assertThat(found.data()).as(term + " page " + page)
                            .extracting(v -> v.customer().id().value()).containsExactlyElementsOf(expected);
                    assertThat(found.hasMore()).as(term + " page " + page).isEqualTo(matching > page * 5L);
                    if (matching <= PostgresCustomerReadModel.COUNT_CAP) {
                        assertThat(found.totalIsExact()).as(term + " page " + page).isTrue();
                        assertThat(found.total()).as(term + " page " + page).isEqualTo(matching);
                    } else {
                        assertThat(found.totalIsExact()).as(term + " page " + page).isFalse();
                        assertThat(found.total()).as(term + " page " + page).isGreaterThan(PostgresCustomerReadModel.COUNT_CAP);
                    }
                }
            }
        }
    }

    @Test
    void moreMatchesThanTheCapAllOlderThanTheWindowAreFoundAndCountedEitherWay() {
        List<String> expected = jdbc().query("SELECT id FROM customers WHERE tenant_id = 'ten_cliff' AND name LIKE 'Old Match%'"
                + " ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 20", List.of(), rs -> rs.getString(1));
        for (PostgresCustomerReadModel model : List.of(store, sortIndexFirst, trigramFirst)) {
            CustomerPage page = model.list(new CustomerListCriteria.Builder(CLIFF).search("old match").limit(20).page(2).build());

            assertThat(page.data()).extracting(v -> v.customer().id().value()).containsExactlyElementsOf(expected);
            assertThat(page.hasMore()).isTrue();
            assertThat(page.totalIsExact()).isTrue();
            assertThat(page.total()).isEqualTo(OLD_MATCHES);
        }
    }

    @Test
    void aListEstimatedFarAboveTheCapIsNotCountedAndItsLastPageIsStillExact() {
        CustomerPage first = store.list(new CustomerListCriteria.Builder(HUGE).limit(20).build());

        assertThat(first.data()).extracting(v -> v.customer().name().value()).startsWith("Huge 1", "Huge 2");
        assertThat(first.hasMore()).isTrue();
        assertThat(first.totalIsExact()).isFalse();
        assertThat(first.total()).isBetween(PostgresCustomerReadModel.UNCOUNTED_ESTIMATE, HUGE_ROWS * 2L);

        int lastPage = HUGE_ROWS / 100;
        CustomerPage last = store.list(new CustomerListCriteria.Builder(HUGE).limit(100).page(lastPage).build());
        assertThat(last.data()).hasSize(100);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.totalIsExact()).isTrue();
        assertThat(last.total()).isEqualTo(HUGE_ROWS);
    }

    private static long countWhereName(String like) {
        return jdbc().query("SELECT count(*) FROM customers WHERE tenant_id = 'ten_big' AND name ILIKE ?", List.of(like),
                rs -> rs.getLong(1)).get(0);
    }

    private static TestJdbc jdbc() {
        return postgres.sql();
    }

    @Test
    void estimatedRowsReadsTheTopPlanNode() {
        assertThat(PostgresCustomerReadModel.estimatedRows("[{\"Plan\": {\"Node Type\": \"Index Only Scan\", \"Plan Rows\": 901234, "
                + "\"Plans\": [{\"Plan Rows\": 5}]}}]")).isEqualTo(901234);
    }
}
