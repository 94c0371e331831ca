package floor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The floor of benchmarks/run.sh (the -Pdb build, environment {@code bench} only): the customers API's requests
 * (same paths, same wrk scripts) answered by the cheapest SQL of {@code benchmarks/pgbench/cheapest/} on
 * {@code bench.flat}, in plain JDBC on HikariCP, the rows written as JSON -- and nothing else: no auth, no domain,
 * no per-request log, validation only where the SQL needs it. Each row is its 12 columns read as text
 * ({@code rs.getString}) into a record of Strings, the metadata its JSON text, the totals their text: the
 * cheapest mapping there is. A floor: a lower bound no real API can beat, what this stack does at best on this
 * box.
 * <p>
 * The tenant ({@code floor.tenant}, default {@code default}) is written into the statements' text as a literal, as
 * the cheapest scripts do with {@code @tenant@}, so the page and walk statements have one text per limit (and word
 * count) and run on PostgreSQL's generic plan once pgjdbc names them (5 uses); hence the check of its letters, at
 * start ({@code @Context}: the bean is made with the context, so a bad tenant stops the start).
 */
@Context
@Requires(env = "bench")
@Controller("/api/customers")
final class CheapestController {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_]+");
    private static final String COLUMNS = "f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status,"
            + " f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions";
    private static final String GET = "SELECT " + COLUMNS + " FROM bench.flat f WHERE f.tenant_id = ? AND f.id = ?";
    /** search_common.sql's lookup: planned for its values on every call (prepare threshold 0). */
    private static final String WORDS = "SELECT array_agg(d.word) AS words, count(*) AS word_count"
            + " FROM bench.flat_dict d WHERE d.tenant_id = ? AND d.word LIKE lower(?)";
    private static final String INSERT = "INSERT INTO bench.flat (tenant_id, id, external_id, email, name, country,"
            + " currency, status, metadata, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?::jsonb, ?, ?)";
    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final DataSource pool;
    private final JsonMapper json;
    private final String tenant;

    CheapestController(DataSource dataSource, DataSourceResolver resolver, JsonMapper json,
                       @Value("${floor.tenant:default}") String tenant) {
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("floor.tenant must match [A-Za-z0-9_]+ (it is written into the SQL)");
        }
        // the pool itself, not Micronaut Data's proxy (which wants a connection opened by its own advice)
        this.pool = resolver.resolve(dataSource);
        this.json = json;
        this.tenant = tenant;
    }

    /** A customer as its 12 columns' text; absent fields written as null, as the app writes them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(String id, String externalId, String email, String name, String country, String currency,
               String status, String metadata, String createdAt, String updatedAt, String totalSpent,
               String activeSubscriptions) {
    }

    /** A page: at most limit rows (an empty list written as []), and whether the statement found one more. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<Row> data, boolean hasMore) {
    }

    /** POST /api/customers's body (benchmarks/wrk/create.lua). */
    @Serdeable
    record NewCustomer(String email, String name, @Nullable String externalId, @Nullable String country,
                       String currency, @Nullable Map<String, Object> metadata) {
    }

    /** get.sql: a point select by key, one fixed text (pgjdbc names it after 5 uses). */
    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Row> get(@PathVariable String id) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(GET)) {
            statement.setString(1, tenant);
            statement.setString(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? HttpResponse.ok(row(rs)) : HttpResponse.notFound();
            }
        }
    }

    /**
     * page.sql (page 1, or the keyset page after {@code startingAfter}) or search_common.sql ({@code search}, which
     * then wins over {@code startingAfter}); any other parameter ({@code page}) is ignored: every list is page 1.
     */
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Page> list(@QueryValue(defaultValue = "20") int limit, @Nullable @QueryValue String startingAfter,
                            @Nullable @QueryValue String search) throws SQLException {
        if (limit < 1 || limit > 100) {
            return HttpResponse.badRequest();
        }
        try (Connection connection = pool.getConnection()) {
            List<Row> rows;
            if (search != null && !search.isEmpty()) {
                rows = search(connection, search, limit);
            } else if (startingAfter != null) {
                rows = keyset(connection, startingAfter, limit);
            } else {
                rows = firstPage(connection, limit);
            }
            boolean hasMore = rows.size() > limit;
            return HttpResponse.ok(new Page(hasMore ? rows.subList(0, limit) : rows, hasMore));
        }
    }

    /** insert.sql: one single-row INSERT, autocommit; 409 on a taken email or external id. */
    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Row> create(@Body NewCustomer body) throws SQLException, IOException {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        String id = newId(now.toInstant().toEpochMilli());
        String metadata = body.metadata() == null ? "{}" : json.writeValueAsString(body.metadata());
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, tenant);
            statement.setString(2, id);
            statement.setString(3, body.externalId());
            statement.setString(4, body.email());
            statement.setString(5, body.name());
            statement.setString(6, body.country());
            statement.setString(7, body.currency());
            statement.setString(8, metadata);
            statement.setObject(9, now);
            statement.setObject(10, now);
            statement.executeUpdate();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if ("23505".equals(state)) {
                return HttpResponse.status(HttpStatus.CONFLICT);
            }
            if (state != null && state.startsWith("23")) {
                // a missing required field or a refused value: the table's constraints are the only validation
                return HttpResponse.badRequest();
            }
            throw e;
        }
        String at = now.toInstant().toString();
        // the column defaults' text, as a GET of the row reads them
        return HttpResponse.created(new Row(id, body.externalId(), body.email(), body.name(), body.country(),
                body.currency(), "active", metadata, at, at, "0.0000", "0"));
    }

    /** page.sql's first page: tenant and LIMIT in the text. */
    private List<Row> firstPage(Connection connection, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM bench.flat f WHERE f.tenant_id = '" + tenant + "'"
                + " ORDER BY f.created_at DESC, f.id DESC LIMIT " + (limit + 1);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return rows(statement, limit);
        }
    }

    /** page.sql's keyset page: the cursor row's sort key read by key inside the statement; its id bound. */
    private List<Row> keyset(Connection connection, String cursor, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM bench.flat f WHERE f.tenant_id = '" + tenant + "'"
                + " AND (f.created_at, f.id) < (SELECT k.created_at, k.id FROM bench.flat k"
                + " WHERE k.tenant_id = '" + tenant + "' AND k.id = ?)"
                + " ORDER BY f.created_at DESC, f.id DESC LIMIT " + (limit + 1);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cursor);
            return rows(statement, limit);
        }
    }

    /**
     * search_common.sql: the dictionary's words containing the term, planned per call; then, when there are any,
     * the walk (each word's newest postings, the newest distinct customers, their rows by key), whose text depends
     * only on the tenant, the limit and the word count, so it runs on a generic plan once pgjdbc names it.
     */
    private List<Row> search(Connection connection, String term, int limit) throws SQLException {
        String[] words;
        int wordCount;
        try (PreparedStatement lookup = connection.prepareStatement(WORDS)) {
            lookup.unwrap(PGStatement.class).setPrepareThreshold(0);
            lookup.setString(1, tenant);
            lookup.setString(2, "%" + escapeLike(term) + "%");
            try (ResultSet rs = lookup.executeQuery()) {
                rs.next();
                wordCount = rs.getInt(2);
                if (wordCount == 0) {
                    return List.of();
                }
                words = (String[]) rs.getArray(1).getArray();
            }
        }
        String sql = "SELECT " + COLUMNS + " FROM (SELECT DISTINCT p.created_at, p.customer_id"
                + " FROM (SELECT unnest(?::text[]) AS word LIMIT " + wordCount + ") AS w"
                + " CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s"
                + " WHERE s.tenant_id = '" + tenant + "' AND s.word = w.word"
                + " ORDER BY s.created_at DESC, s.customer_id DESC LIMIT " + (limit + 1) + ") p"
                + " ORDER BY p.created_at DESC, p.customer_id DESC LIMIT " + (limit + 1) + ") k"
                + " JOIN bench.flat f ON f.tenant_id = '" + tenant + "' AND f.id = k.customer_id"
                + " ORDER BY f.created_at DESC, f.id DESC";
        try (PreparedStatement walk = connection.prepareStatement(sql)) {
            walk.setArray(1, connection.createArrayOf("text", words));
            return rows(walk, limit);
        }
    }

    private static List<Row> rows(PreparedStatement statement, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>(limit + 1);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
    }

    /** The term as a LIKE literal: backslash (LIKE's default escape), % and _ escaped. */
    private static String escapeLike(String term) {
        StringBuilder out = new StringBuilder(term.length() + 4);
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** cust_ + 26 lowercase Crockford base32 characters: 10 of the time in ms (ULID-like order), 16 random. */
    private static String newId(long ms) {
        char[] id = new char[31];
        "cust_".getChars(0, 5, id, 0);
        for (int i = 14; i >= 5; i--) {
            id[i] = CROCKFORD[(int) (ms & 31)];
            ms >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long bits = random.nextLong();
        for (int i = 15; i < 27; i++) {
            id[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        bits = random.nextLong();
        for (int i = 27; i < 31; i++) {
            id[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(id);
    }
}
