package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.SortOrder;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of a search read through the words index of migration V7 ({@code search_words}, the tenant's
 * dictionary with a trigram index, and {@code customer_search_words}, each word's customers in creation order).
 *
 * <p>Exact for a term made only of the letters a-z (either case): such a term, where it occurs in
 * {@code search_text}, lies inside one maximal run of a-z, that is inside one word; so the customers matching it
 * are those having a word that contains it. The page is the newest limit + 1 distinct customers over the
 * newest-first walks of those words (each walk reads at most offset + limit + 1 index entries), joined to
 * {@code customers} by key and re-checked with {@code search_text LIKE}: its cost depends on the number of
 * words containing the term and on the page's depth, not on how many other customers the tenant has.
 *
 * <p>Served: the default order and {@code sortBy=createdAt} either way, offset pages while offset + limit stays
 * under {@link #MAX_DEPTH}, keyset cursors (a walk starts at the cursor's creation time and id), terms of
 * {@link #MIN_TERM} letters or more (shorter ones have no trigram: the dictionary lookup would read every word),
 * no other filter. Everything else, and a term contained in more than {@link #MAX_WORDS} words, is read as before.
 */
final class SearchWords {

    /** A term contained in more words than this is read the other way (each word costs one walk). */
    static final int MAX_WORDS = 200;
    /** The shortest term served: pg_trgm finds the words containing a term of three letters or more. */
    static final int MIN_TERM = 3;
    /** Offset pages are served while offset + limit is below this (every walk reads offset + limit + 1). */
    static final int MAX_DEPTH = 1_000;
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{" + MIN_TERM + ",}");

    private SearchWords() {
    }

    /** Whether a search by {@code criteria}, read from {@code offset}, goes through the words index. */
    static boolean serves(CustomerListCriteria c, long offset) {
        return c.search() != null && LETTERS.matcher(c.search()).matches()
                && c.sortBy() == CustomerSortField.CREATED_AT
                && c.status() == null && c.country() == null && c.currency() == null && c.externalId() == null
                && c.email() == null
                && offset + c.limit() < MAX_DEPTH;
    }

    /** Newest first, unless the list is ascending (or, for a page before a cursor, the reverse of that). */
    static boolean descending(CustomerListCriteria c) {
        return (c.sortOrder() == SortOrder.DESC) != (c.endingBefore() != null);
    }

    private static final String MATCHING_WORDS = "SELECT d.word FROM search_words d WHERE d.tenant_id = ?"
            + " AND d.word LIKE lower(?) LIMIT " + (MAX_WORDS + 1);

    /**
     * The words containing the term, as one row: {@code words} (a text array, null when there is none) and
     * {@code word_count} (at most {@link #MAX_WORDS} + 1: more means "too many"). A statement of its own, planned
     * with the term (the dictionary's trigram index): a term in no word, as almost every random one, is answered
     * by it alone, without parsing or planning the walk. Bind values: {@link #wordsParams}.
     */
    static final String WORDS_SQL = "SELECT array_agg(d.word) AS words, count(*) AS word_count FROM ("
            + MATCHING_WORDS + ") d";

    /**
     * A row of {@link #WORDS_SQL}: how many words contain the term (at most {@link #MAX_WORDS} + 1) and those words
     * (empty when none does).
     */
    record Found(int count, String[] words) {

        static Found read(ResultSet rs) throws SQLException {
            Array words = rs.getArray("words");
            return new Found(rs.getInt("word_count"), words == null ? new String[0] : (String[]) words.getArray());
        }
    }

    static List<Object> wordsParams(CustomerListCriteria c) {
        return List.of(c.tenantId().value(), CustomerListSql.pattern(c.search()));
    }

    /**
     * limit + 1 rows of the page (with {@code columns} of {@code customers c}) over the customers of {@code words}
     * (the words {@link #WORDS_SQL} returned, bound as one text array): each word's newest offset + limit + 1 postings
     * (from the cursor on, with one), the newest of them joined to {@code customers} by key and re-checked with
     * {@code search_text LIKE}. Bind values: {@link #pageParams}.
     *
     * <p>The statement runs on PostgreSQL's generic plan (see {@code PostgresCustomerReadModel#wordsPageStatement}),
     * so what that plan cannot see is written into the text: the tenant (a {@link CustomerListSql#literal}), the
     * number of words (as the {@code LIMIT} of the array's elements: the same rows, and an estimate that is exact
     * up to ten) and the {@code LIMIT}s and {@code OFFSET} of the walks and the page. A generic plan assumes ten
     * elements for a bound array, 10% of the rows for a bound {@code LIMIT} and the average tenant for a bound
     * tenant; against a plan made for the values it then looks costlier, and PostgreSQL goes on planning every
     * call (PostgresCustomerListPlansTest: 4 of the 6 kinds of page, with the array's length unknown). Bound: the
     * words, the cursor's key, the term of the re-check (estimated alike in every plan).
     */
    static String pageSql(String columns, CustomerListCriteria c, int wordCount, boolean fromCursor, long offset) {
        String tenant = CustomerListSql.literal(c.tenantId());
        boolean descending = descending(c);
        String dir = descending ? " DESC" : " ASC";
        return "WITH k AS (SELECT DISTINCT p.created_at, p.customer_id FROM " + boundWords(wordCount)
                + " CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id"
                + " FROM customer_search_words s WHERE s.tenant_id = " + tenant + " AND s.word = w.word"
                + (fromCursor ? " AND (s.created_at, s.customer_id)" + (descending ? " < " : " > ") + "(?, ?)" : "")
                + " ORDER BY s.created_at" + dir + ", s.customer_id" + dir + " LIMIT " + (offset + c.limit() + 1)
                + ") p),\n"
                + "page AS (SELECT k.created_at, k.customer_id FROM k ORDER BY k.created_at" + dir + ", k.customer_id" + dir
                + " LIMIT " + (c.limit() + 1) + " OFFSET " + offset + ")\n"
                + "SELECT " + columns + "\n"
                + "FROM page JOIN customers c ON c.tenant_id = " + tenant + " AND c.id = page.customer_id AND "
                + CustomerListSql.search("c") + " ORDER BY c.created_at" + dir + ", c.id" + dir;
    }

    /** The bind values of {@link #pageSql}: the words {@link #WORDS_SQL} returned, the cursor's key, the term. */
    static List<Object> pageParams(CustomerListCriteria c, String[] words, CustomerListSql.Cursor cursor) {
        List<Object> params = new ArrayList<>();
        params.add(words);
        if (cursor != null) {
            params.add(cursor.sortValue());
            params.add(cursor.id());
        }
        params.add(CustomerListSql.pattern(c.search()));
        return params;
    }

    /**
     * The customers of {@code words} (the words {@link #WORDS_SQL} returned, bound as one text array), counted up to a
     * bound: {@code matched} distinct customers among at most (cap + 1) x words postings, and {@code postings} read. A
     * customer has at most one posting per word, so when the bound is reached, more than {@code cap} customers
     * match; below it, every posting was read and {@code matched} is exact. Bind values: the words.
     *
     * <p>It counts over the words the page's lookup found, instead of looking them up again, and runs on
     * PostgreSQL's generic plan as the page's walk does ({@link #pageSql}): the tenant, the number of words and the
     * bound are in the text, so the plan is the same for every term of a tenant (Nested Loop over the words, an
     * index-only scan of {@code customer_search_words} per word).
     */
    static String countSql(CustomerListCriteria c, int wordCount, int cap) {
        return "SELECT count(DISTINCT x.customer_id) AS matched, count(*) AS postings"
                + " FROM (SELECT s.customer_id FROM " + boundWords(wordCount)
                + " JOIN customer_search_words s ON s.tenant_id = " + CustomerListSql.literal(c.tenantId())
                + " AND s.word = w.word LIMIT " + (long) (cap + 1) * wordCount + ") x";
    }

    /** A row of {@link #countSql}: the distinct customers counted and the postings read. */
    record Counted(long matched, long postings) {

        static Counted read(ResultSet rs) throws SQLException {
            return new Counted(rs.getLong("matched"), rs.getLong("postings"));
        }
    }

    /**
     * The words of {@link #pageSql} and {@link #countSql}, bound as one text array, as the relation
     * {@code w (word)}; their number is the {@code LIMIT} of the array's elements (the same rows, and the generic
     * plan's estimate).
     */
    private static String boundWords(int wordCount) {
        if (wordCount < 1 || wordCount > MAX_WORDS) {
            throw new IllegalArgumentException("a search reads 1 to " + MAX_WORDS + " words, not " + wordCount);
        }
        return "(SELECT unnest(?::text[]) AS word LIMIT " + wordCount + ") AS w";
    }
}
