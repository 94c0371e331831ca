package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search through the words index (migration V7): the postings kept by the triggers, exact answers against
 * {@code search_text LIKE} on a randomized data set, paging, and the plan that stays a words walk.
 */
class PostgresSearchWordsTest {

    private static final TenantId WORDS = new TenantId("ten_words");
    private static final TenantId KEPT = new TenantId("ten_kept");
    private static final int ROWS = 400;
    private static final String LETTERS = "abcde";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private static PostgresCustomerReadModel store;

    @BeforeAll
    static void aTenantOfRandomNames() {
        store = postgres.readModel();
        jdbc().update("INSERT INTO tenants (id, name) VALUES ('ten_words', 'Words'), ('ten_kept', 'Kept')", List.of());
        Random random = new Random(15);
        for (int n = 1; n <= ROWS; n++) {
            // short words over five letters (many matches per term), separators of every kind, capitals, an accent,
            // and creation times with many ties (the id breaks them)
            String name = capitalize(word(random)) + " " + word(random) + (n % 7 == 0 ? "é" + word(random) : "")
                    + (n % 5 == 0 ? "-" + word(random) : "") + (n % 11 == 0 ? " " + n : "");
            String email = word(random) + (n % 3 == 0 ? "." + word(random) : "") + n + "@" + word(random) + ".test";
            insert(WORDS, id(3, n), n % 13 == 0 ? email.toUpperCase() : email, name, BASE.plusSeconds(random.nextInt(150)),
                    n % 4 == 0 ? "inactive" : "active");
        }
        jdbc().update("ANALYZE customers", List.of());
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 2 + random.nextInt(5); i > 0; i--) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String id(int prefix, int n) {
        return "cust_" + prefix + String.format("%025x", n);
    }

    private static void insert(TenantId tenant, String id, String email, String name, Instant createdAt, String status) {
        jdbc().update("INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 'UGX', ?, '{}', ?, ?)", List.of(tenant.value(), id, email, name, status, createdAt, createdAt));
    }

    private static TestJdbc jdbc() {
        return postgres.sql();
    }

    private static List<String> ids(CustomerPage page) {
        return page.data().stream().map(v -> v.customer().id().value()).toList();
    }

    /** The matches of {@code term} by {@code search_text LIKE}, in the list order (desc or asc), all of them. */
    private static List<String> expected(TenantId tenant, String term, boolean descending) {
        String dir = descending ? " DESC" : " ASC";
        return jdbc().query("SELECT id FROM customers WHERE tenant_id = ? AND search_text LIKE lower(?)"
                        + " ORDER BY created_at" + dir + ", id" + dir, List.of(tenant.value(), CustomerListSql.pattern(term)),
                rs -> rs.getString(1));
    }

    private static List<String> postings(String customerId) {
        return jdbc().query("SELECT word FROM customer_search_words WHERE customer_id = ? ORDER BY word", List.of(customerId),
                rs -> rs.getString(1));
    }

    @Test
    void theTriggersKeepEachCustomersWordsThroughInsertUpdateAndDelete() {
        String id = id(4, 1);
        insert(KEPT, id, "Grace.OMalley+vip2@Example.COM", "Grace O'Malley", BASE, "active");
        assertThat(postings(id)).containsExactly("com", "example", "grace", "malley", "o", "omalley", "vip");
        assertThat(jdbc().query("SELECT word FROM search_words WHERE tenant_id = 'ten_kept' ORDER BY word", List.of(),
                rs -> rs.getString(1))).containsExactly("com", "example", "grace", "malley", "o", "omalley", "vip");

        jdbc().update("UPDATE customers SET name = 'Ada Lovelace' WHERE tenant_id = 'ten_kept' AND id = ?", List.of(id));
        assertThat(postings(id)).containsExactly("ada", "com", "example", "grace", "lovelace", "omalley", "vip");
        jdbc().update("UPDATE customers SET email = 'ada@analytical.engine' WHERE tenant_id = 'ten_kept' AND id = ?", List.of(id));
        assertThat(postings(id)).containsExactly("ada", "analytical", "engine", "lovelace");
        jdbc().update("UPDATE customers SET status = 'inactive' WHERE tenant_id = 'ten_kept' AND id = ?", List.of(id));
        assertThat(postings(id)).containsExactly("ada", "analytical", "engine", "lovelace");
        // the read model finds the customer by its new words only; a stale dictionary word finds nobody
        assertThat(ids(store.list(new CustomerListCriteria.Builder(KEPT).search("LOVELACE").build()))).containsExactly(id);
        CustomerPage stale = store.list(new CustomerListCriteria.Builder(KEPT).search("malley").build());
        assertThat(stale.data()).isEmpty();
        assertThat(stale.total()).isZero();
        assertThat(stale.totalIsExact()).isTrue();

        jdbc().update("DELETE FROM customers WHERE tenant_id = 'ten_kept' AND id = ?", List.of(id));
        assertThat(postings(id)).isEmpty();
        assertThat(store.list(new CustomerListCriteria.Builder(KEPT).search("lovelace").build()).data()).isEmpty();
    }

    /**
     * Migration V8 replaced V7's trigger body (words by {@code search_words_of}, twice per row) by one statement that
     * splits {@code search_text} itself: over many random names and emails (letters, capitals, digits, separators,
     * accents and other scripts, repeated words), inserted one row per statement as the app does, then renamed,
     * every customer's postings must be exactly {@code search_words_of(search_text)} (V7's definition of the words)
     * and the tenant's dictionary exactly the distinct words ever posted.
     */
    @Test
    void theTriggerPostsExactlyTheWordsOfSearchWordsOfForRandomNamesAndEmails() {
        jdbc().update("INSERT INTO tenants (id, name) VALUES ('ten_upkeep', 'Upkeep')", List.of());
        TenantId tenant = new TenantId("ten_upkeep");
        Random random = new Random(8);
        String alphabet = "abcdeABCDE xyz0123456789.-_+'@éÉßøΩж中\t";
        List<String> emails = new ArrayList<>();
        List<String> namesAndEmails = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            String word = text(random, alphabet, 1 + random.nextInt(24));
            String name = n % 9 == 0 ? word + " " + word : word;
            String email = text(random, alphabet, 1 + random.nextInt(12)) + n + "@" + text(random, alphabet, 1 + random.nextInt(8));
            emails.add(email);
            namesAndEmails.addAll(List.of(name, email));
            insert(tenant, id(7, n), email, name, BASE.plusSeconds(n), "active");
        }
        for (int n = 1; n <= 300; n += 3) {
            String name = text(random, alphabet, 1 + random.nextInt(24));
            namesAndEmails.addAll(List.of(name, emails.get(n - 1)));
            jdbc().update("UPDATE customers SET name = ? WHERE tenant_id = 'ten_upkeep' AND id = ?", List.of(name, id(7, n)));
        }
        List<Integer> postingsDiffer = jdbc().query("""
                SELECT count(*)::int FROM customers c
                 WHERE c.tenant_id = 'ten_upkeep'
                   AND search_words_of(c.search_text) IS DISTINCT FROM ARRAY(
                       SELECT s.word FROM customer_search_words s
                        WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.created_at = c.created_at
                        ORDER BY s.word)""", List.of(), rs -> rs.getInt(1));
        assertThat(postingsDiffer).containsExactly(0);
        assertThat(jdbc().query("SELECT count(*)::int FROM customer_search_words WHERE tenant_id = 'ten_upkeep'", List.of(),
                rs -> rs.getInt(1)).get(0)).isGreaterThan(600);
        // the dictionary is insert-only: the words of the rows as inserted and as renamed, nothing else
        Set<String> everPosted = new HashSet<>();
        for (int i = 0; i < namesAndEmails.size(); i += 2) {
            everPosted.addAll(jdbc().query("SELECT unnest(search_words_of(lower(?) || chr(1) || lower(?)))",
                    List.of(namesAndEmails.get(i), namesAndEmails.get(i + 1)), rs -> rs.getString(1)));
        }
        List<String> dictionary = jdbc().query("SELECT word FROM search_words WHERE tenant_id = 'ten_upkeep'",
                List.of(), rs -> rs.getString(1));
        assertThat(dictionary).doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z]+"))
                .containsExactlyInAnyOrderElementsOf(everPosted);
        assertThat(jdbc().query("""
                SELECT count(*)::int FROM customer_search_words s
                 WHERE s.tenant_id = 'ten_upkeep'
                   AND NOT EXISTS (SELECT 1 FROM search_words d WHERE d.tenant_id = s.tenant_id AND d.word = s.word)""",
                List.of(), rs -> rs.getInt(1))).containsExactly(0);
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void everyLetterTermFindsExactlyWhatSearchTextLikeFinds() {
        Random random = new Random(6);
        Set<String> terms = new LinkedHashSet<>(List.of("abc", "ABC", "Dea", "test", "eee", "qqq", "aaaa"));
        while (terms.size() < 40) {
            String term = word(random);
            terms.add(term.length() < 3 ? term + "a" : random.nextBoolean() ? term : term.toUpperCase());
        }
        int limit = 7;
        for (String term : terms) {
            for (boolean descending : List.of(true, false)) {
                List<String> all = expected(WORDS, term, descending);
                for (int page = 1; page <= 4; page++) {
                    CustomerListCriteria criteria = new CustomerListCriteria.Builder(WORDS).search(term).limit(limit).page(page)
                            .sortBy(CustomerSortField.CREATED_AT).sortOrder(descending ? SortOrder.DESC : SortOrder.ASC).build();
                    assertThat(SearchWords.serves(criteria, criteria.offset())).isTrue();
                    CustomerPage found = store.list(criteria);
                    String as = term + (descending ? " desc" : " asc") + " page " + page;
                    int from = Math.min(all.size(), (page - 1) * limit);
                    assertThat(ids(found)).as(as).containsExactlyElementsOf(all.subList(from, Math.min(all.size(), from + limit)));
                    assertThat(found.hasMore()).as(as).isEqualTo(all.size() > page * limit);
                    assertThat(found.totalIsExact()).as(as).isTrue();
                    assertThat(found.total()).as(as).isEqualTo(all.size());
                }
            }
        }
    }

    @Test
    void keysetPagesWalkTheWholeAnswerBothWays() {
        String term = "abc";
        List<String> all = expected(WORDS, term, true);
        assertThat(all.size()).isGreaterThan(10);
        List<String> walked = new ArrayList<>();
        CustomerListCriteria criteria = new CustomerListCriteria.Builder(WORDS).search(term).limit(4).build();
        CustomerPage page = store.list(criteria);
        walked.addAll(ids(page));
        while (page.hasMore()) {
            String last = walked.get(walked.size() - 1);
            criteria = new CustomerListCriteria.Builder(WORDS).search(term).limit(4).startingAfter(new CustomerId(last)).build();
            assertThat(SearchWords.serves(criteria, 0)).isTrue();
            page = store.list(criteria);
            assertThat(page.totalIsExact()).isTrue();
            assertThat(page.total()).isEqualTo(all.size());
            walked.addAll(ids(page));
        }
        assertThat(walked).containsExactlyElementsOf(all);

        int at = all.size() / 2;
        CustomerPage before = store.list(new CustomerListCriteria.Builder(WORDS).search(term.toUpperCase()).limit(4)
                .endingBefore(new CustomerId(all.get(at))).build());
        assertThat(ids(before)).containsExactlyElementsOf(all.subList(at - 4, at));
        assertThat(before.hasMore()).isEqualTo(at > 4);
    }

    @Test
    void termsWithOtherCharactersOtherFiltersAndOtherOrdersAreReadTheOtherWayWithTheSameAnswers() {
        for (String term : List.of("ab", "a b", "e1", "a%", "a_b", "é", "@a", ".test")) {
            CustomerListCriteria criteria = new CustomerListCriteria.Builder(WORDS).search(term).limit(5).build();
            assertThat(SearchWords.serves(criteria, 0)).as(term).isFalse();
            List<String> all = expected(WORDS, term, true);
            CustomerPage found = store.list(criteria);
            assertThat(ids(found)).as(term).containsExactlyElementsOf(all.subList(0, Math.min(5, all.size())));
            assertThat(found.hasMore()).as(term).isEqualTo(all.size() > 5);
        }
        CustomerListCriteria filtered = new CustomerListCriteria.Builder(WORDS).search("abc").status(CustomerStatus.INACTIVE)
                .limit(5).build();
        CustomerListCriteria byName = new CustomerListCriteria.Builder(WORDS).search("abc").sortBy(CustomerSortField.NAME)
                .limit(5).build();
        assertThat(SearchWords.serves(filtered, 0)).isFalse();
        assertThat(SearchWords.serves(byName, 0)).isFalse();
        assertThat(ids(store.list(filtered))).containsExactlyElementsOf(jdbc().query("SELECT id FROM customers"
                + " WHERE tenant_id = 'ten_words' AND status = 'inactive' AND search_text LIKE '%abc%'"
                + " ORDER BY created_at DESC, id DESC LIMIT 5", List.of(), rs -> rs.getString(1)));
        assertThat(ids(store.list(byName))).containsExactlyElementsOf(jdbc().query("SELECT id FROM customers"
                + " WHERE tenant_id = 'ten_words' AND search_text LIKE '%abc%' ORDER BY name DESC, id DESC LIMIT 5", List.of(),
                rs -> rs.getString(1)));
        CustomerListCriteria deep = new CustomerListCriteria.Builder(WORDS).search("abc").limit(100).page(10).build();
        assertThat(SearchWords.serves(deep, deep.offset())).isFalse();
    }

    @Test
    void theWordsLookupAloneAnswersATermInNoWordAndMoreThan200WordsGoTheOtherWay() {
        TenantId tenant = new TenantId("ten_many");
        jdbc().update("INSERT INTO tenants (id, name) VALUES ('ten_many', 'Many')", List.of());
        // 230 customers, each with its own word containing 'qzx' (qzxaa, qzxab, ...), created one second apart
        jdbc().update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_many', 'cust_7' || lpad(to_hex(n), 25, '0'), 'm' || n || '@many.test',
                       'Qzx' || chr(97 + n / 26) || chr(97 + n % 26) || ' Many', 'UGX', 'active', '{}',
                       timestamptz '2026-01-01' + n * interval '1 second', now()
                  FROM generate_series(0, 229) AS n""", List.of());
        List<Long> counts = jdbc().query(SearchWords.WORDS_SQL, SearchWords.wordsParams(
                new CustomerListCriteria.Builder(tenant).search("QZX").build()), rs -> rs.getLong("word_count"));
        assertThat(counts).containsExactly((long) SearchWords.MAX_WORDS + 1);
        List<String> none = jdbc().query("SELECT coalesce(array_length(words, 1), 0) || ' ' || word_count FROM ("
                + SearchWords.WORDS_SQL + ") f", SearchWords.wordsParams(new CustomerListCriteria.Builder(tenant)
                .search("wxyz").build()), rs -> rs.getString(1));
        assertThat(none).containsExactly("0 0");
        for (String term : List.of("qzx", "QZXA", "zxb", "qzxj", "wxyz", "manyy")) {
            CustomerListCriteria criteria = new CustomerListCriteria.Builder(tenant).search(term).limit(20).build();
            assertThat(SearchWords.serves(criteria, 0)).as(term).isTrue();
            List<String> all = expected(tenant, term, true);
            CustomerPage found = store.list(criteria);
            assertThat(ids(found)).as(term).containsExactlyElementsOf(all.subList(0, Math.min(20, all.size())));
            assertThat(found.hasMore()).as(term).isEqualTo(all.size() > 20);
            assertThat(found.total()).as(term).isEqualTo(all.size());
            assertThat(found.totalIsExact()).as(term).isTrue();
        }
        assertThat(expected(tenant, "qzx", true)).hasSize(230);
        assertThat(expected(tenant, "wxyz", true)).isEmpty();
    }

    @Test
    void newerNonMatchingCustomersLeaveTheWordsWalkAsItWas() {
        TenantId tenant = new TenantId("ten_cliffs");
        jdbc().update("INSERT INTO tenants (id, name) VALUES ('ten_cliffs', 'Cliffs')", List.of());
        jdbc().update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_cliffs', 'cust_5' || lpad(to_hex(n), 25, '0'), 'old' || n || '@match.test',
                       CASE WHEN n % 20 = 0 THEN 'Wanjiru ' ELSE 'Other ' END || n,
                       'UGX', 'active', '{}', timestamptz '2026-01-01' + n * interval '1 second', now()
                  FROM generate_series(1, 2000) AS n""", List.of());
        CustomerListCriteria criteria = new CustomerListCriteria.Builder(tenant).search("wanjiru").limit(20).build();
        List<String> words = jdbc().query("SELECT unnest(words) FROM (" + SearchWords.WORDS_SQL + ") f",
                SearchWords.wordsParams(criteria), rs -> rs.getString(1));
        assertThat(words).containsExactly("wanjiru");
        String sql = SearchWords.pageSql("c.id", criteria, words.size(), false, 0);
        List<Object> params = SearchWords.pageParams(criteria, words.toArray(new String[0]), null);
        List<String> before = ids(store.list(criteria));

        jdbc().update("""
                INSERT INTO customers (tenant_id, id, email, name, currency, status, metadata, created_at, updated_at)
                SELECT 'ten_cliffs', 'cust_6' || lpad(to_hex(n), 25, '0'), 'newer.' || n || '@cliff.example',
                       'Newer Visitor ' || n, 'UGX', 'active', '{}', timestamptz '2026-02-01' + n * interval '1 second', now()
                  FROM generate_series(1, 20000) AS n""", List.of());
        jdbc().update("ANALYZE customers", List.of());
        jdbc().update("ANALYZE customer_search_words", List.of());

        String plan = String.join("\n", jdbc().query("EXPLAIN " + sql, params, rs -> rs.getString(1)));
        assertThat(plan).contains("Index Only Scan Backward using customer_search_words_pkey")
                .doesNotContain("customers_tenant_created_idx").doesNotContain("customers_search_text_trgm_idx")
                .doesNotContain("Seq Scan on customers").doesNotContain("Seq Scan on customer_search_words");
        CustomerPage after = store.list(criteria);
        assertThat(ids(after)).hasSize(20).containsExactlyElementsOf(before)
                .containsExactlyElementsOf(expected(tenant, "wanjiru", true).subList(0, 20));
        assertThat(after.hasMore()).isTrue();
        assertThat(after.total()).isEqualTo(100);
        assertThat(after.totalIsExact()).isTrue();
        Set<String> seen = new HashSet<>(ids(after));
        assertThat(seen).hasSize(20);
    }
}
