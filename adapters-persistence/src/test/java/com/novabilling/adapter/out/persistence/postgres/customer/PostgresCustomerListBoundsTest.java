package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Past 1,000 matches the list answers with an estimated total; hasMore and last pages stay exact. */
class PostgresCustomerListBoundsTest {

    private static final int ROWS = PostgresCustomerReadModel.PROBE_WINDOW + PostgresCustomerReadModel.COUNT_CAP;
    private static final TenantId BIG = new TenantId("ten_big");
    private static PostgresAdapters postgres;
    private static PostgresCustomerReadModel store;

    @BeforeAll
    static void aTenantWithMoreThanTheCapOfCustomers() {
        postgres = PostgresAdapters.onFreshDatabase();
        store = postgres.readModel;
        TestJdbc jdbc = postgres.sql;
        jdbc.update("INSERT INTO tenants (id, name) VALUES ('ten_big', 'Big')", List.of());
        jdbc.update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_big', 'cust_0' || lpad(to_hex(n), 25, '0'), 'c' || n || '@big.test',
                       CASE WHEN n > ? - 100 THEN 'Ancient Name ' || n
                            WHEN n % 100 = 0 THEN 'Rare Name ' || n ELSE 'Common Name ' || n END,
                       'UGX', 'active', '{}', now() - n * interval '1 second', now() - n * interval '1 second'
                  FROM generate_series(1, ?) AS n""", List.of(ROWS, ROWS));
        jdbc.update("ANALYZE customers", List.of());
    }

    @AfterAll
    static void stop() {
        postgres.close();
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

    private static long countWhereName(String like) {
        return jdbc().query("SELECT count(*) FROM customers WHERE tenant_id = 'ten_big' AND name LIKE ?", List.of(like),
                rs -> rs.getLong(1)).get(0);
    }

    private static TestJdbc jdbc() {
        return postgres.sql;
    }

    @Test
    void estimatedRowsReadsTheTopPlanNode() {
        assertThat(PostgresCustomerReadModel.estimatedRows("[{\"Plan\": {\"Node Type\": \"Index Only Scan\", \"Plan Rows\": 901234, "
                + "\"Plans\": [{\"Plan Rows\": 5}]}}]")).isEqualTo(901234);
    }
}
