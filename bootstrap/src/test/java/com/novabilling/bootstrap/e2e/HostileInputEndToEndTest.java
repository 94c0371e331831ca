package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.novabilling.adapter.in.rest.error.ProblemExceptionHandler;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's hostile-input corpus: every request in {@link #cases()} is one a careless or malicious client
 * could send, and each must be answered with the documented 4xx problem (status, {@code code}, the exact
 * {@code errors[].field} names), {@code application/problem+json}, an {@code X-Request-Id} equal to the
 * body's {@code requestId}, nothing internal in the body, and the database exactly as it was before.
 *
 * <p>Unicode decisions this corpus pins (see docs/decisions.md): lone surrogates, C0/C1 controls, NUL and
 * U+2028/U+2029 are refused in every text field; emoji (including ZWJ sequences), right-to-left text and
 * the joiners and direction marks such text needs (U+200C, U+200D, U+200E, U+200F) are accepted in names
 * and metadata; a name made only of whitespace and invisible characters is blank; emails and external ids
 * refuse invisible characters, so two look-alike addresses cannot both exist.
 */
@MicronautTest(transactional = false, environments = "postgres")
class HostileInputEndToEndTest extends EndToEndTest {

    /** Placeholders in a case's path or body, replaced by ids known only once the app runs. */
    private static final String EXISTING = "{existing}";
    private static final String OTHER = "{other}";

    private static final String CUSTOMERS = "/api/customers";
    private static final String ONE = CUSTOMERS + "/" + EXISTING;
    private static final String KEYS = "/api/tenants/me/api-keys";
    private static final String TENANTS = "/api/admin/tenants";
    private static final String JSON = "application/json";
    private static final String MISSING_ID = "cust_01jqz0000000000000000000zz";

    private static final List<String> FORBIDDEN_IN_BODY = List.of("Exception", "at com.", "org.postgresql", "SQL",
            "io.micronaut", "com.fasterxml", OPERATOR_KEY);

    @Inject
    TestJdbc jdbc;

    private String existingId;
    private String otherId;
    /** A key of tenant default holding only customers:read. */
    private String readOnlyKey;

    /** One hostile request and the answer it must get. {@code fields} null: no {@code errors} expected. */
    record Case(String name, String method, String path, String contentType, String body, int status, String code,
                List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void createCustomersToAttack() {
        ApiClient setup = new ApiClient(server.getURI(), OPERATOR_KEY, json);
        ApiResponse existing = setup.post(CUSTOMERS, """
                {"externalId": "ext_existing", "email": "existing@example.com", "name": "Existing Customer",
                 "country": "UG", "currency": "UGX", "metadata": {"plan": "gold"}}""");
        assertThat(existing.status()).as(existing.toString()).isEqualTo(201);
        existingId = (String) existing.object().get("id");
        ApiResponse other = setup.post(CUSTOMERS, """
                {"externalId": "ext_other", "email": "other@example.com", "name": "Other 100% _literal_ \\\\ Customer"}""");
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        otherId = (String) other.object().get("id");
        ApiResponse readOnly = setup.post(KEYS, "{\"name\": \"read only\", \"scopes\": [\"customers:read\"]}");
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(201);
        readOnlyKey = (String) readOnly.object().get("secret");
    }

    // ------------------------------------------------------------------------------------------ the corpus

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();

        // --- create: the body is not a JSON object
        c.add(bad("create: empty body", "POST", CUSTOMERS, JSON, "", 400, "malformed_json"));
        c.add(bad("create: whitespace-only body", "POST", CUSTOMERS, JSON, " \n\t ", 400, "malformed_json"));
        c.add(bad("create: truncated JSON", "POST", CUSTOMERS, JSON, "{\"email\": \"a@b.co\", \"name\": \"A", 400,
                "malformed_json"));
        c.add(bad("create: trailing comma", "POST", CUSTOMERS, JSON, "{\"email\": \"a@b.co\", \"name\": \"A\",}", 400,
                "malformed_json"));
        c.add(bad("create: single quotes", "POST", CUSTOMERS, JSON, "{'email': 'a@b.co', 'name': 'A'}", 400,
                "malformed_json"));
        c.add(bad("create: JSON array", "POST", CUSTOMERS, JSON, "[{\"email\": \"a@b.co\", \"name\": \"A\"}]", 400,
                "malformed_json"));
        c.add(bad("create: JSON string", "POST", CUSTOMERS, JSON, "\"a@b.co\"", 400, "malformed_json"));
        c.add(bad("create: JSON number", "POST", CUSTOMERS, JSON, "42", 400, "malformed_json"));
        c.add(bad("create: JSON null", "POST", CUSTOMERS, JSON, "null", 400, "malformed_json"));
        c.add(bad("create: two objects", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\"}{\"email\": \"c@d.co\", \"name\": \"C\"}", 400, "malformed_json"));
        c.add(bad("create: duplicate key", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"email\": \"evil@b.co\"}", 400, "malformed_json"));
        c.add(bad("create: NaN literal", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"x\": NaN}}", 400, "malformed_json"));
        c.add(bad("create: 10000-deep nested arrays as the body", "POST", CUSTOMERS, JSON,
                "[".repeat(10_000) + "]".repeat(10_000), 400, "malformed_json"));
        c.add(bad("create: 10000-deep nested arrays in metadata", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"x\": " + "[".repeat(10_000)
                        + "]".repeat(10_000) + "}}", 400, "malformed_json"));
        c.add(bad("create: 10000-deep nested objects", "POST", CUSTOMERS, JSON,
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), 400, "malformed_json"));
        c.add(bad("create: number of 5000 digits", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"n\": " + "9".repeat(5_000) + "}}", 400,
                "malformed_json"));

        // --- create: wrong types, missing, unknown and read-only fields
        c.add(invalid("create: empty object", "POST", CUSTOMERS, "{}", "email", "name"));
        c.add(invalid("create: name is a number", "POST", CUSTOMERS, "{\"email\": \"a@b.co\", \"name\": 42}", "name"));
        c.add(invalid("create: wrong types everywhere", "POST", CUSTOMERS, """
                {"email": true, "name": ["A"], "externalId": 7, "country": {}, "currency": 1.5, "status": false,
                 "metadata": "gold"}""", "email", "name", "externalId", "country", "currency", "status", "metadata"));
        c.add(invalid("create: null required fields", "POST", CUSTOMERS, "{\"email\": null, \"name\": null}", "email",
                "name"));
        c.add(invalid("create: unknown field", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"plan\": \"gold\"}", "plan"));
        c.add(invalid("create: read-only fields", "POST", CUSTOMERS, """
                {"email": "a@b.co", "name": "A", "id": "cust_01jqz0000000000000000000zz", "tenantId": "default",
                 "totalSpent": 1000000, "activeSubscriptions": 3, "createdAt": "2020-01-01T00:00:00Z",
                 "updatedAt": "2020-01-01T00:00:00Z"}""",
                "id", "tenantId", "totalSpent", "activeSubscriptions", "createdAt", "updatedAt"));
        c.add(invalid("create: 30 unknown fields report the first 20", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", "
                        + IntStream.range(0, 30).mapToObj(i -> "\"u" + i + "\": 1").collect(Collectors.joining(", "))
                        + "}",
                IntStream.range(0, 20).mapToObj(i -> "u" + i).toArray(String[]::new)));
        c.add(invalid("create: every field invalid", "POST", CUSTOMERS, """
                {"email": "not-an-email", "name": "", "externalId": "has space", "country": "XX", "currency": "BTC",
                 "status": "deleted", "metadata": {"nested": {"a": 1}}}""",
                "email", "name", "externalId", "country", "currency", "status", "metadata.nested"));

        // --- create: strings
        c.add(invalid("create: whitespace-only name", "POST", CUSTOMERS, "{\"email\": \"a@b.co\", \"name\": \" \\t\\n \"}",
                "name"));
        c.add(invalid("create: NUL in name", "POST", CUSTOMERS, "{\"email\": \"a@b.co\", \"name\": \"A\\u0000B\"}",
                "name"));
        c.add(invalid("create: control characters in every string", "POST", CUSTOMERS, """
                {"email": "a\\u0007@b.co", "name": "A\\u001bB", "externalId": "x\\u0085y",
                 "metadata": {"note": "bell\\u0007"}}""", "email", "name", "externalId", "metadata.note"));
        c.add(invalid("create: lone high surrogate in name", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\\ud800B\"}", "name"));
        c.add(invalid("create: lone low surrogate in metadata", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"k\": \"\\udc00\"}}", "metadata.k"));
        c.add(invalid("create: reversed surrogate pair in email", "POST", CUSTOMERS,
                "{\"email\": \"a\\udc00\\ud800@b.co\", \"name\": \"A\"}", "email"));
        c.add(invalid("create: U+2028 line separator in name", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\\u2028B\"}", "name"));
        c.add(invalid("create: name of only zero-width and direction marks", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"\\u200b\\u200d\\u200f\\ufeff\"}", "name"));
        c.add(invalid("create: zero-width space in email", "POST", CUSTOMERS,
                "{\"email\": \"exist\\u200bing@example.com\", \"name\": \"A\"}", "email"));
        c.add(invalid("create: right-to-left override in externalId", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"externalId\": \"ext_\\u202egnitsixe\"}", "externalId"));
        c.add(invalid("create: non-ASCII email domain", "POST", CUSTOMERS,
                "{\"email\": \"a@b\u00fccher.de\", \"name\": \"A\"}", "email"));
        c.add(invalid("create: name of 201 characters", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"" + "n".repeat(201) + "\"}", "name"));
        c.add(invalid("create: name of 201 emoji", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"" + "\uD83D\uDE00".repeat(201) + "\"}", "name"));
        c.add(invalid("create: name of 100000 characters", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"" + "n".repeat(100_000) + "\"}", "name"));
        c.add(invalid("create: email of 300 characters", "POST", CUSTOMERS,
                "{\"email\": \"" + "e".repeat(290) + "@b.co\", \"name\": \"A\"}", "email"));
        c.add(invalid("create: externalId of 256 characters", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"externalId\": \"" + "x".repeat(256) + "\"}", "externalId"));
        c.add(invalid("create: empty strings", "POST", CUSTOMERS,
                "{\"email\": \"\", \"name\": \"\", \"externalId\": \"\", \"country\": \"\", \"currency\": \"\"}",
                "email", "name", "externalId", "country", "currency"));
        c.add(invalid("create: status in upper case", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"status\": \"ACTIVE\"}", "status"));
        c.add(invalid("create: SQL in country and currency", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"country\": \"UG' OR '1'='1\", \"currency\": \"'; --\"}",
                "country", "currency"));

        // --- create: metadata
        c.add(invalid("create: metadata 1e400", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"big\": 1e400}}", "metadata.big"));
        c.add(invalid("create: metadata -1e400 and 1e-400", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"neg\": -1e400, \"tiny\": 1e-400}}",
                "metadata.neg", "metadata.tiny"));
        c.add(invalid("create: metadata integer of 40 digits", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"n\": " + "1".repeat(40) + "}}",
                "metadata.n"));
        c.add(invalid("create: metadata values of the wrong kind", "POST", CUSTOMERS, """
                {"email": "a@b.co", "name": "A",
                 "metadata": {"plan": {"tier": "gold"}, "tags": ["a"], "gone": null, "ok": "fine"}}""",
                "metadata.plan", "metadata.tags", "metadata.gone"));
        c.add(invalid("create: metadata is an array", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": [\"plan\", \"gold\"]}", "metadata"));
        c.add(invalid("create: metadata with 51 keys", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {"
                        + IntStream.range(0, 51).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(", "))
                        + "}}", "metadata"));
        c.add(invalid("create: metadata key of 41 characters", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"" + "k".repeat(41) + "\": 1}}", "metadata"));
        c.add(invalid("create: metadata empty key", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"\": 1}}", "metadata"));
        c.add(invalid("create: metadata string of 501 characters", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"note\": \"" + "m".repeat(501) + "\"}}",
                "metadata.note"));
        c.add(invalid("create: metadata key with NUL", "POST", CUSTOMERS,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"a\\u0000b\": 1}}", "metadata.a?b"));
        c.add(bad("create: metadata duplicate key nested", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"plan\": \"a\", \"plan\": \"b\"}}",
                400, "malformed_json"));

        // --- create: conflicts leave the table as it was
        c.add(bad("create: email taken, other case", "POST", CUSTOMERS, JSON,
                "{\"email\": \"EXISTING@Example.COM\", \"name\": \"Copy\"}", 409, "customer_email_taken"));
        c.add(bad("create: externalId taken", "POST", CUSTOMERS, JSON,
                "{\"email\": \"new@example.com\", \"name\": \"Copy\", \"externalId\": \"ext_existing\"}", 409,
                "customer_external_id_taken"));

        // --- create: media types and size
        c.add(bad("create: text/plain", "POST", CUSTOMERS, "text/plain", "{\"email\": \"a@b.co\", \"name\": \"A\"}",
                415, "unsupported_media_type"));
        c.add(bad("create: form encoded", "POST", CUSTOMERS, "application/x-www-form-urlencoded",
                "email=a%40b.co&name=A", 415, "unsupported_media_type"));
        c.add(bad("create: XML", "POST", CUSTOMERS, "application/xml", "<customer><name>A</name></customer>", 415,
                "unsupported_media_type"));
        c.add(bad("create: multipart", "POST", CUSTOMERS, "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA\r\n--x--\r\n", 415,
                "unsupported_media_type"));
        c.add(bad("create: no Content-Type on a body", "POST", CUSTOMERS, null,
                "{\"email\": \"a@b.co\", \"name\": \"A\"}", 415, "unsupported_media_type"));
        c.add(bad("create: body over 1 MiB", "POST", CUSTOMERS, JSON,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"metadata\": {\"pad\": \"" + "p".repeat(1_100_000) + "\"}}",
                413, "payload_too_large"));

        // --- update an existing customer
        c.add(bad("update: empty body", "PATCH", ONE, JSON, "", 400, "malformed_json"));
        c.add(bad("update: JSON array", "PATCH", ONE, JSON, "[]", 400, "malformed_json"));
        c.add(bad("update: truncated JSON", "PATCH", ONE, JSON, "{\"name\": ", 400, "malformed_json"));
        c.add(bad("update: duplicate key", "PATCH", ONE, JSON, "{\"name\": \"A\", \"name\": \"B\"}", 400,
                "malformed_json"));
        c.add(invalid("update: null for required fields", "PATCH", ONE,
                "{\"email\": null, \"name\": null, \"currency\": null, \"status\": null, \"metadata\": null}",
                "email", "name", "currency", "status"));
        c.add(invalid("update: read-only and unknown fields", "PATCH", ONE,
                "{\"id\": \"" + MISSING_ID + "\", \"tenantId\": \"evil\", \"totalSpent\": -1, \"createdAt\": 0, "
                        + "\"deleted\": true, \"isAdmin\": true}",
                "id", "tenantId", "totalSpent", "createdAt", "deleted", "isAdmin"));
        c.add(invalid("update: wrong types", "PATCH", ONE, "{\"name\": 42, \"email\": [], \"country\": 256}",
                "name", "email", "country"));
        c.add(invalid("update: whitespace-only name", "PATCH", ONE, "{\"name\": \"\\u3000 \\u00a0\"}", "name"));
        c.add(invalid("update: lone surrogate and U+2029", "PATCH", ONE,
                "{\"name\": \"\\udbff\", \"metadata\": {\"k\": \"a\\u2029b\"}}", "name", "metadata.k"));
        c.add(invalid("update: metadata 1e400 and nested", "PATCH", ONE,
                "{\"metadata\": {\"big\": 1e400, \"deep\": {\"deeper\": {}}}}", "metadata.big", "metadata.deep"));
        c.add(bad("update: email of another customer", "PATCH", ONE, JSON, "{\"email\": \"Other@Example.com\"}", 409,
                "customer_email_taken"));
        c.add(bad("update: externalId of another customer", "PATCH", ONE, JSON, "{\"externalId\": \"ext_other\"}", 409,
                "customer_external_id_taken"));
        c.add(bad("update: text/plain", "PATCH", ONE, "text/plain", "{\"name\": \"B\"}", 415,
                "unsupported_media_type"));
        c.add(bad("update: body over 1 MiB", "PATCH", ONE, JSON, "{\"name\": \"" + "p".repeat(1_100_000) + "\"}", 413,
                "payload_too_large"));
        c.add(bad("update: missing customer", "PATCH", CUSTOMERS + "/" + MISSING_ID, JSON, "{\"name\": \"B\"}", 404,
                "customer_not_found"));
        c.add(bad("update: garbage id", "PATCH", CUSTOMERS + "/not-an-id", JSON, "{\"name\": \"B\"}", 404,
                "customer_not_found"));

        // --- list query parameters
        c.add(invalid("list: page 0", "GET", CUSTOMERS + "?page=0", null, "page"));
        c.add(invalid("list: negative page", "GET", CUSTOMERS + "?page=-1", null, "page"));
        c.add(invalid("list: page not a number", "GET", CUSTOMERS + "?page=two", null, "page"));
        c.add(invalid("list: page decimal", "GET", CUSTOMERS + "?page=1.5", null, "page"));
        c.add(invalid("list: page 1e400", "GET", CUSTOMERS + "?page=1e400", null, "page"));
        c.add(invalid("list: page beyond long", "GET", CUSTOMERS + "?page=99999999999999999999999999", null, "page"));
        c.add(invalid("list: limit 0", "GET", CUSTOMERS + "?limit=0", null, "limit"));
        c.add(invalid("list: page and limit given twice", "GET", CUSTOMERS + "?page=1&page=2&limit=5&limit=500", null,
                "page", "limit"));
        c.add(invalid("list: limit 101", "GET", CUSTOMERS + "?limit=101", null, "limit"));
        c.add(invalid("list: limit with spaces", "GET", CUSTOMERS + "?limit=%2010%20", null, "limit"));
        c.add(invalid("list: limit full-width digits", "GET", CUSTOMERS + "?limit=%EF%BC%91%EF%BC%90", null, "limit"));
        c.add(invalid("list: unknown sortBy", "GET", CUSTOMERS + "?sortBy=password", null, "sortBy"));
        c.add(invalid("list: SQL in sortBy and sortOrder", "GET",
                CUSTOMERS + "?sortBy=name%3B%20DROP%20TABLE%20customers&sortOrder=asc%2C%20id", null, "sortBy",
                "sortOrder"));
        c.add(invalid("list: sortOrder upper case", "GET", CUSTOMERS + "?sortOrder=DESC", null, "sortOrder"));
        c.add(invalid("list: unknown status", "GET", CUSTOMERS + "?status=deleted", null, "status"));
        c.add(invalid("list: bad country, currency, email", "GET",
                CUSTOMERS + "?country=ZZ&currency=XBT&email=not-an-email", null, "country", "currency", "email"));
        c.add(invalid("list: search of 101 characters", "GET", CUSTOMERS + "?search=" + "s".repeat(101), null,
                "search"));
        c.add(invalid("list: NUL in search", "GET", CUSTOMERS + "?search=a%00b", null, "search"));
        c.add(invalid("list: everything wrong at once", "GET",
                CUSTOMERS + "?page=0&limit=1000&sortBy=id&sortOrder=up&status=ALL", null,
                "page", "limit", "sortBy", "sortOrder", "status"));

        // --- get and delete with garbage ids
        for (String method : List.of("GET", "DELETE")) {
            String verb = method.toLowerCase();
            c.add(bad(verb + ": well-formed missing id", method, CUSTOMERS + "/" + MISSING_ID, null, null, 404,
                    "customer_not_found"));
            c.add(bad(verb + ": garbage id", method, CUSTOMERS + "/not-an-id", null, null, 404, "customer_not_found"));
            c.add(bad(verb + ": upper-case id", method, CUSTOMERS + "/" + MISSING_ID.toUpperCase(), null, null, 404,
                    "customer_not_found"));
            c.add(bad(verb + ": id of 2000 characters", method, CUSTOMERS + "/cust_" + "0".repeat(2_000), null, null,
                    404, "customer_not_found"));
            c.add(bad(verb + ": id of 10000 characters, beyond the URL limit", method,
                    CUSTOMERS + "/cust_" + "0".repeat(10_000), null, null, 414, "uri_too_long"));
            c.add(bad(verb + ": percent-encoded traversal", method, CUSTOMERS + "/..%2F..%2Fadmin%2Ftenants", null,
                    null, 404, "customer_not_found"));
            c.add(bad(verb + ": percent-encoded NUL and newline", method, CUSTOMERS + "/cust_%00%0A%0D", null, null,
                    404, "customer_not_found"));
            c.add(bad(verb + ": SQL injection id", method, CUSTOMERS + "/%27%20OR%20%271%27%3D%271", null, null, 404,
                    "customer_not_found"));
            c.add(bad(verb + ": LIKE wildcard id", method, CUSTOMERS + "/cust_%25", null, null, 404,
                    "customer_not_found"));
            c.add(bad(verb + ": emoji id", method, CUSTOMERS + "/%F0%9F%98%80", null, null, 404,
                    "customer_not_found"));
        }
        c.add(bad("get: id split by an encoded slash", "GET", CUSTOMERS + "/" + EXISTING + "%2Fx", null, null, 404,
                "customer_not_found"));

        // --- API keys
        c.add(bad("api-keys: empty body", "POST", KEYS, JSON, "", 400, "malformed_json"));
        c.add(bad("api-keys: array body", "POST", KEYS, JSON, "[\"customers:read\"]", 400, "malformed_json"));
        c.add(bad("api-keys: text/plain", "POST", KEYS, "text/plain", "{\"name\": \"k\"}", 415,
                "unsupported_media_type"));
        c.add(invalid("api-keys: empty object", "POST", KEYS, "{}", "name", "scopes"));
        c.add(invalid("api-keys: scopes a string", "POST", KEYS, "{\"name\": \"k\", \"scopes\": \"*\"}", "scopes"));
        c.add(invalid("api-keys: unknown scopes", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"admin\", \"customers:read\", 7, null, \"CUSTOMERS:READ\"]}",
                "scopes[0]", "scopes[2]", "scopes[3]", "scopes[4]"));
        c.add(invalid("api-keys: no scopes", "POST", KEYS, "{\"name\": \"k\", \"scopes\": []}", "scopes"));
        c.add(invalid("api-keys: 1000 scopes", "POST", KEYS, "{\"name\": \"k\", \"scopes\": ["
                + "\"customers:read\", ".repeat(999) + "\"customers:read\"]}", "scopes"));
        c.add(invalid("api-keys: expiresAt not a date", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"customers:read\"], \"expiresAt\": \"tomorrow\"}", "expiresAt"));
        c.add(invalid("api-keys: expiresAt a number", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"customers:read\"], \"expiresAt\": 1893456000}", "expiresAt"));
        c.add(invalid("api-keys: expiresAt in the past", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"customers:read\"], \"expiresAt\": \"2001-01-01T00:00:00Z\"}",
                "expiresAt"));
        c.add(invalid("api-keys: expiresAt year 999999999", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"customers:read\"], \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}",
                "expiresAt"));
        c.add(invalid("api-keys: name wrong and blank at once with bad scope", "POST", KEYS,
                "{\"name\": \"  \", \"scopes\": [\"root\"]}", "name", "scopes[0]"));
        c.add(invalid("api-keys: name with NUL and 101 characters", "POST", KEYS,
                "{\"name\": \"" + "k".repeat(101) + "\\u0000\", \"scopes\": [\"customers:read\"]}", "name"));
        c.add(invalid("api-keys: read-only and unknown fields", "POST", KEYS,
                "{\"name\": \"k\", \"scopes\": [\"customers:read\"], \"secret\": \"sk_live_mine\", \"id\": \"x\", "
                        + "\"tenantId\": \"other\"}", "secret", "id", "tenantId"));
        c.add(bad("api-keys: revoke garbage id", "DELETE", KEYS + "/not-a-key", null, null, 404,
                "api_key_not_found"));
        c.add(bad("api-keys: revoke well-formed missing id", "DELETE", KEYS + "/key_01jqz0000000000000000000zz", null,
                null, 404, "api_key_not_found"));
        c.add(bad("api-keys: revoke 63 chars then an emoji", "DELETE", KEYS + "/" + "k".repeat(63) + "%F0%9F%98%80",
                null, null, 404, "api_key_not_found"));
        c.add(bad("api-keys: revoke a customer id", "DELETE", KEYS + "/" + EXISTING, null, null, 404,
                "api_key_not_found"));

        // --- admin tenants (operator token sent by the test for paths under /api/admin)
        c.add(invalid("admin: bad currency", "POST", TENANTS, "{\"name\": \"Acme\", \"defaultCurrency\": \"XXX\"}",
                "defaultCurrency"));
        c.add(invalid("admin: currency a number", "POST", TENANTS, "{\"name\": \"Acme\", \"defaultCurrency\": 840}",
                "defaultCurrency"));
        c.add(invalid("admin: blank name and bad currency", "POST", TENANTS,
                "{\"name\": \" \", \"defaultCurrency\": \"usd1\"}", "name", "defaultCurrency"));
        c.add(invalid("admin: no name", "POST", TENANTS, "{}", "name"));
        c.add(invalid("admin: name with control characters", "POST", TENANTS, "{\"name\": \"Ac\\u0000me\"}", "name"));
        c.add(invalid("admin: read-only and unknown fields", "POST", TENANTS,
                "{\"name\": \"Acme\", \"id\": \"default\", \"status\": \"suspended\", \"plan\": \"pro\"}",
                "id", "status", "plan"));
        c.add(bad("admin: array body", "POST", TENANTS, JSON, "[]", 400, "malformed_json"));
        c.add(bad("admin: malformed JSON", "POST", TENANTS, JSON, "{\"name\": }", 400, "malformed_json"));
        c.add(bad("admin: text/plain", "POST", TENANTS, "text/plain", "{\"name\": \"Acme\"}", 415,
                "unsupported_media_type"));

        // --- unknown routes and wrong methods
        c.add(bad("route: unknown under /api", "GET", "/api/customerz", null, null, 404, "not_found"));
        c.add(bad("route: unknown outside /api", "GET", "/wp-admin/setup.php", null, null, 404, "not_found"));
        c.add(bad("route: too deep", "GET", ONE + "/subscriptions", null, null, 404, "not_found"));
        c.add(bad("route: encoded dot segments", "GET", "/api/%2e%2e/%2e%2e/etc/passwd", null, null, 404,
                "not_found"));
        c.add(bad("method: PUT on the collection", "PUT", CUSTOMERS, JSON, "{}", 405, "method_not_allowed"));
        c.add(bad("method: DELETE on the collection", "DELETE", CUSTOMERS, null, null, 405, "method_not_allowed"));
        c.add(bad("method: POST on a customer", "POST", ONE, JSON, "{}", 405, "method_not_allowed"));
        c.add(bad("method: PUT on a customer", "PUT", ONE, JSON, "{\"name\": \"B\"}", 405, "method_not_allowed"));
        c.add(bad("method: PATCH on api-keys", "PATCH", KEYS, JSON, "{}", 405, "method_not_allowed"));
        c.add(bad("method: GET on admin tenants", "GET", TENANTS, null, null, 405, "method_not_allowed"));
        c.add(bad("method: POST on health", "POST", "/health", JSON, "{}", 405, "method_not_allowed"));
        return c.stream();
    }

    private static Case bad(String name, String method, String path, String contentType, String body, int status,
                            String code) {
        return new Case(name, method, path, contentType, body, status, code, null);
    }

    /** A 400 {@code validation_failed} naming exactly {@code fields}; the body is sent as JSON (none for GET). */
    private static Case invalid(String name, String method, String path, String body, String... fields) {
        return new Case(name, method, path, body == null ? null : JSON, body, 400, "validation_failed",
                List.of(fields));
    }

    // ------------------------------------------------------------------------------------------ the checks

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void hostileRequestGetsA4xxProblemAndChangesNothing(Case hostile) {
        Map<String, List<String>> before = snapshot();

        ApiClient client = hostile.path().startsWith(TENANTS) ? api.withKey(ADMIN_TOKEN) : api;
        ApiResponse response = client.send(hostile.method(), resolve(hostile.path()), resolve(hostile.body()),
                hostile.contentType());

        assertProblem(hostile.name(), response, hostile.status(), hostile.code(), hostile.fields());
        assertThat(snapshot()).as("database after %s", hostile.name()).isEqualTo(before);
    }

    @Test
    void theCorpusIsBigEnoughAndNamesAreUnique() {
        List<Case> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(70);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
        assertThat(all).allSatisfy(c -> assertThat(c.status()).isBetween(400, 499));
        assertThat(all.stream().map(Case::code).distinct()).contains("validation_failed", "malformed_json",
                "unsupported_media_type", "payload_too_large", "uri_too_long", "not_found", "customer_not_found",
                "customer_email_taken", "customer_external_id_taken", "method_not_allowed", "api_key_not_found");
    }

    /** Missing, wrong and under-scoped credentials on every endpoint: 401 / 403, nothing changed. */
    @ParameterizedTest(name = "[{index}] {0} {1} with {2}")
    @MethodSource("unauthorizedCases")
    void credentialsAreCheckedOnEveryEndpoint(String method, String path, String credentials, int status,
                                              String code) {
        Map<String, List<String>> before = snapshot();
        String body = method.equals("POST") || method.equals("PATCH") ? "{\"name\": \"X\"}" : null;
        ApiClient client = switch (credentials) {
            case "no key" -> api.withoutKey();
            case "unknown key" -> api.withKey("sk_live_" + "0".repeat(40));
            case "garbage key" -> api.withKey("\"><script>alert(1)</script>");
            case "read-only key" -> api.withKey(readOnlyKey);
            case "admin token" -> api.withKey(ADMIN_TOKEN);
            default -> throw new IllegalArgumentException(credentials);
        };

        ApiResponse response = client.send(method, resolve(path), body, body == null ? null : JSON);

        assertProblem(response, status, code, null);
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unauthorizedCases() {
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        List<String[]> endpoints = List.of(new String[] {"POST", CUSTOMERS, "customers:write"},
                new String[] {"GET", CUSTOMERS, null}, new String[] {"GET", ONE, null},
                new String[] {"PATCH", ONE, "customers:write"}, new String[] {"DELETE", ONE, "customers:write"},
                new String[] {"POST", KEYS, "api_keys:write"}, new String[] {"GET", KEYS, "api_keys:read"},
                new String[] {"DELETE", KEYS + "/key_01jqz0000000000000000000zz", "api_keys:write"});
        for (String[] endpoint : endpoints) {
            for (String credentials : List.of("no key", "unknown key", "garbage key", "admin token")) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(endpoint[0], endpoint[1], credentials, 401,
                        "unauthorized"));
            }
            if (endpoint[2] != null) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(endpoint[0], endpoint[1], "read-only key",
                        403, "forbidden"));
            }
        }
        for (String credentials : List.of("no key", "unknown key", "read-only key")) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of("POST", TENANTS, credentials, 401,
                    "unauthorized"));
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------- search is literal, never a pattern

    @ParameterizedTest(name = "search={0}")
    @ValueSource(strings = {"%", "_", "\\", "'; drop table customers; --", "%_%", "\\%", "' OR '1'='1", "*", ".*"})
    void searchMatchesLiterallyAndTheTableSurvives(String term) {
        Map<String, List<String>> before = snapshot();

        ApiResponse response = api.get(CUSTOMERS + "?search=" + encode(term));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> expected = new ArrayList<>();
        for (String[] customer : List.of(new String[] {existingId, "existing@example.com", "Existing Customer"},
                new String[] {otherId, "other@example.com", "Other 100% _literal_ \\ Customer"})) {
            String needle = term.toLowerCase();
            if (customer[1].toLowerCase().contains(needle) || customer[2].toLowerCase().contains(needle)) {
                expected.add(customer[0]);
            }
        }
        assertThat(response.data()).extracting(c -> (String) c.get("id"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.query("SELECT to_regclass('customers')::text", List.of(), rs -> rs.getString(1)))
                .containsExactly("customers");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void percentAndUnderscoreFindOnlyTheCustomerWhoseNameHoldsThem() {
        assertThat(api.get(CUSTOMERS + "?search=%25").data()).extracting(c -> c.get("id")).containsExactly(otherId);
        assertThat(api.get(CUSTOMERS + "?search=_").data()).extracting(c -> c.get("id")).containsExactly(otherId);
        assertThat(api.get(CUSTOMERS + "?search=%5C").data()).extracting(c -> c.get("id")).containsExactly(otherId);
        assertThat(api.get(CUSTOMERS + "?search=%27%3B%20drop%20table%20customers%3B%20--").data()).isEmpty();
        assertThat(api.get(CUSTOMERS).object().get("total")).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------- request ids

    @Test
    void aSaneIncomingRequestIdIsEchoedOnSuccessAndError() {
        ApiResponse ok = api.send("GET", CUSTOMERS, null, null, "X-Request-Id", "trace-1234.abc_DEF");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Request-Id")).isEqualTo("trace-1234.abc_DEF");

        ApiResponse error = api.send("GET", CUSTOMERS + "?page=0", null, null, "X-Request-Id", "trace-1234.abc_DEF");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.header("X-Request-Id")).isEqualTo("trace-1234.abc_DEF");
        assertThat(error.object().get("requestId")).isEqualTo("trace-1234.abc_DEF");

        ApiResponse unknownRoute = api.send("GET", "/nowhere", null, null, "X-Request-Id", "route-miss-1");
        assertThat(unknownRoute.header("X-Request-Id")).isEqualTo("route-miss-1");
        assertThat(unknownRoute.object().get("requestId")).isEqualTo("route-miss-1");
    }

    @ParameterizedTest(name = "X-Request-Id: {0}")
    @ValueSource(strings = {"", " ", "has space", "a\"b", "<script>alert(1)</script>", "../../etc/passwd",
            "id;drop table customers", "\u00e9t\u00e9", "x-65-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anInsaneIncomingRequestIdIsReplaced(String insane) {
        assertThat(insane.length() > 64 || !insane.matches("[A-Za-z0-9._-]+")).isTrue();
        ApiResponse response = sendRaw("GET", CUSTOMERS + "?limit=0", null, null, "X-Request-Id",
                insane.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        String id = response.header("X-Request-Id");
        assertThat(id).matches("req_[0-9a-hjkmnp-tv-z]{26}");
        assertThat(response.object().get("requestId")).isEqualTo(id);
    }

    @Test
    void aVeryLongRequestIdIsReplaced() {
        ApiResponse response = api.send("GET", CUSTOMERS, null, null, "X-Request-Id", "r".repeat(5_000));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).matches("req_[0-9a-hjkmnp-tv-z]{26}");
    }

    @Test
    void oversizedHeadersAndAnUnacceptableAcceptAre4xxProblems() {
        assertProblem("20 KB header", api.send("GET", CUSTOMERS, null, null, "X-Padding", "p".repeat(20_000)), 413,
                "payload_too_large", null);
        assertProblem("Accept: application/xml", api.send("GET", CUSTOMERS, null, null, "Accept", "application/xml"),
                406, "not_acceptable", null);
    }

    @Test
    void everyRequestWithoutAnIdGetsAFreshOne() {
        String first = api.get(CUSTOMERS).header("X-Request-Id");
        String second = api.get("/health").header("X-Request-Id");
        assertThat(first).matches("req_[0-9a-hjkmnp-tv-z]{26}");
        assertThat(second).matches("req_[0-9a-hjkmnp-tv-z]{26}").isNotEqualTo(first);
    }

    // ------------------------------------------------------------------- bytes the text client cannot send

    @Test
    void invalidUtf8IsMalformedJson() {
        Map<String, List<String>> before = snapshot();
        byte[] body = concat("{\"email\": \"a@b.co\", \"name\": \"A".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.US_ASCII));

        ApiResponse response = sendRaw("POST", CUSTOMERS, body, JSON, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));

        assertProblem(response, 400, "malformed_json", null);
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Percent-encoding the JDK client will not even send: a broken escape is a 400 {@code bad_request} (in a
     * path too: the path cannot be read); a truncated UTF-8 sequence decodes to U+FFFD, an ordinary character.
     */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/customers?search=%zz | 400 | bad_request |",
            "/api/customers?search=%   | 400 | bad_request |",
            "/api/customers?search=a%2 | 400 | bad_request |",
            "/api/customers?page=%ff   | 400 | validation_failed | page",
            "/api/customers?limit=%C3  | 400 | validation_failed | limit",
            "/api/customers/%zz        | 400 | bad_request |",
            "/api/customers/cust_%     | 400 | bad_request |"})
    void brokenPercentEncodingIsABadRequest(String path, int status, String code, String field) {
        Map<String, List<String>> before = snapshot();
        ApiResponse response = sendRaw("GET", path, null, null, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));
        assertProblem(path, response, status, code, field == null ? null : List.of(field));
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Only {@code &} separates query parameters (the WHATWG URL standard, and what every client library encodes
     * for): a raw {@code ;}, which clients such as curl and {@code java.net.URI} send unencoded, is part of the
     * value. Netty splits on it too unless told not to, which would search for {@code existing} here and read
     * the rest as a second parameter.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?search=existing;nomatch", "?search=existing;limit=1", "?search=existing%3Bnomatch"})
    void aSemicolonInTheQueryIsPartOfTheValue(String query) {
        ApiResponse response = sendRaw("GET", CUSTOMERS + query, null, null, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data()).as(response.toString()).isEmpty();
        assertThat(response.object().get("total")).isEqualTo(0);
    }

    @Test
    void aSemicolonDoesNotStartASecondParameter() {
        ApiResponse response = sendRaw("GET", CUSTOMERS + "?limit=1;sortBy=bogus", null, null, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));
        assertProblem(response, 400, "validation_failed", List.of("limit"));
    }

    @Test
    void aTruncatedUtf8SequenceInSearchIsAReplacementCharacter() {
        ApiResponse response = sendRaw("GET", CUSTOMERS + "?search=%C3", null, null, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.object().get("total")).isEqualTo(0);
    }

    @Test
    void latin1BytesLabelledAsJsonAreMalformedJson() {
        byte[] body = "{\"email\": \"a@b.co\", \"name\": \"Ren\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiResponse response = sendRaw("POST", CUSTOMERS, body, JSON, "Authorization",
                ("Bearer " + OPERATOR_KEY).getBytes(StandardCharsets.US_ASCII));
        assertProblem(response, 400, "malformed_json", null);
    }

    // ------------------------------------------------------------------------------ typed request bodies

    /** Wrong types, an unknown field, a constraint and the domain's rules: one answer lists them all. */
    @Test
    void everyBrokenRuleOfABodyIsListedOnceWithItsMessage() {
        Map<String, List<String>> before = snapshot();
        ApiResponse response = api.post(CUSTOMERS, """
                {"email": true, "name": "%s", "country": "XX", "currency": ["UGX"], "plan": "gold",
                 "totalSpent": 5, "metadata": {"nested": {"a": 1}, "ok": 1}}""".formatted("n".repeat(201)));

        assertProblem(response, 400, "validation_failed",
                List.of("email", "name", "country", "currency", "plan", "totalSpent", "metadata.nested"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.object().get("errors");
        Map<String, Object> messages = new LinkedHashMap<>();
        errors.forEach(e -> messages.put((String) e.get("field"), e.get("message")));
        assertThat(messages).containsExactlyInAnyOrderEntriesOf(Map.of(
                "email", "must be a string",
                "name", "must be at most 200 characters",
                "country", "must be an ISO 3166-1 alpha-2 country code, like US, UG or NG",
                "currency", "must be a string",
                "plan", "unknown field",
                "totalSpent", "is read-only",
                "metadata.nested", "must be a string, number or boolean"));
        assertThat(response.object().get("detail")).isEqualTo("The request has 7 invalid fields; see errors.");
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * PATCH as JSON merge patch on typed bodies: a field left out is kept, {@code null} clears what may be
     * cleared, a value replaces; metadata numbers come back exactly as sent (the domain drops trailing zeros).
     */
    @Test
    void aPatchTellsAbsentFromNullAndKeepsNumbersExact() {
        ApiResponse created = api.post(CUSTOMERS, """
                {"email": "patch-modes@example.com", "name": "Patch Modes", "externalId": "ext_patch_modes",
                 "country": "KE", "metadata": {"big": 12345678901234567890.123456789, "seats": 5, "price": 1.10}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = (String) created.object().get("id");
        try {
            assertThat(created.body()).contains("\"big\":12345678901234567890.123456789")
                    .contains("\"seats\":5").contains("\"price\":1.1");

            ApiResponse renamed = api.send("PATCH", CUSTOMERS + "/" + id, "{\"name\": \"Patch Modes 2\"}",
                    "application/merge-patch+json");
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.object()).containsEntry("name", "Patch Modes 2")
                    .containsEntry("externalId", "ext_patch_modes").containsEntry("country", "KE");
            assertThat(renamed.body()).contains("\"big\":12345678901234567890.123456789");

            ApiResponse cleared = api.patch(CUSTOMERS + "/" + id,
                    "{\"externalId\": null, \"country\": null, \"metadata\": null}");
            assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
            assertThat(cleared.object()).containsEntry("externalId", null).containsEntry("country", null)
                    .containsEntry("metadata", Map.of()).containsEntry("name", "Patch Modes 2");

            ApiResponse refused = api.patch(CUSTOMERS + "/" + id, "{\"name\": null, \"country\": \"UG\"}");
            assertProblem(refused, 400, "validation_failed", List.of("name"));
            assertThat(api.get(CUSTOMERS + "/" + id).object()).containsEntry("country", null)
                    .containsEntry("name", "Patch Modes 2");
        } finally {
            assertThat(api.delete(CUSTOMERS + "/" + id).status()).isEqualTo(200);
        }
    }

    /** Bodies a JSON reader could choke on: each a 4xx problem, nothing stored. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"rateLimit\": {\"perSecond\": 1e999999, \"burst\": -1e999999}}",
            "{\"rateLimit\": [1, 2]}",
            "{\"rateLimit\": \"fast\"}",
            "{\"rateLimit\": {\"perSecond\": true, \"burst\": null, \"x\": {}}}"})
    void hugeNumbersAndWrongShapesInTheAdminPatchAreNamed(String body) {
        Map<String, List<String>> before = snapshot();
        ApiResponse response = api.withKey(ADMIN_TOKEN).patch(TENANTS + "/default", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.errorFields()).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith("rateLimit"));
        assertThat(snapshot()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------ accepted Unicode

    /** What the corpus decides is fine: each is created, read back byte for byte, then deleted. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Nakato \uD83D\uDE00",                                  // emoji
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 Family", // ZWJ sequence
            "\u0645\u062D\u0645\u062F \u0639\u0644\u064A",          // Arabic, right to left
            "\u200F\u05D3\u05D5\u05D3\u200E (David)",               // Hebrew with RLM / LRM marks
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",     // Persian with ZWNJ
            "Zo\u00EB Ng\u0169\u1EC5n",                              // combining-free accents
            "Zoe\u0308",                                            // combining diaeresis
            "\uD835\uDD73\uD835\uDD8A\uD835\uDD97"                  // mathematical letters outside the BMP
    })
    void validUnicodeNamesAreAcceptedAndRoundTrip(String name) {
        String email = "u" + Integer.toHexString(name.hashCode()) + "@example.com";
        ApiResponse created = api.post(CUSTOMERS, "{\"email\": \"" + email + "\", \"name\": \"" + name
                + "\", \"metadata\": {\"note\": \"" + name + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = (String) created.object().get("id");
        try {
            Map<String, Object> read = api.get(CUSTOMERS + "/" + id).object();
            assertThat(read.get("name")).isEqualTo(name);
            assertThat(read.get("metadata")).isEqualTo(Map.of("note", name));
        } finally {
            assertThat(api.delete(CUSTOMERS + "/" + id).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------ a bug

    /**
     * No request reaches a 500 through the real endpoints (that is the point of the corpus), so a test-only
     * route, present in this class's application context alone, plays the bug: an exception whose message holds
     * SQL, a driver name and the API key. The caller gets internal_error and the request id, nothing else; the
     * log gets the stack trace under that request id.
     */
    @Test
    void aBugIsA500WithTheRequestIdAndNothingInternalWhileTheLogHasTheStackTrace() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger handlerLog = (Logger) LoggerFactory.getLogger(ProblemExceptionHandler.class);
        handlerLog.addAppender(logs);
        try {
            ApiResponse response = api.send("GET", FailingRoute.PATH, null, null, "X-Request-Id", "bug-trace-42");

            assertProblem("bug", response, 500, "internal_error", null);
            assertThat(response.header("X-Request-Id")).isEqualTo("bug-trace-42");
            assertThat(response.body()).doesNotContain("SELECT").doesNotContain("customers")
                    .doesNotContain(FailingRoute.MESSAGE);
            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("bug-trace-42").contains(FailingRoute.PATH);
                assertThat(event.getThrowableProxy()).isNotNull();
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
                assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
            });
        } finally {
            handlerLog.detachAppender(logs);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put(FailingRoute.ENABLED, "true");
        return properties;
    }

    /** A route with a bug, only in this test's context. */
    @Requires(property = FailingRoute.ENABLED, value = "true")
    @Controller(FailingRoute.PATH)
    static class FailingRoute {
        static final String ENABLED = "hostile-input-test.failing-route";
        static final String PATH = "/hostile-input-test/bug";
        static final String MESSAGE = "SELECT secret FROM customers failed in org.postgresql for " + OPERATOR_KEY;

        @Get
        String bug() {
            throw new IllegalStateException(MESSAGE);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void assertProblem(ApiResponse response, int status, String code, List<String> fields) {
        assertProblem("", response, status, code, fields);
    }

    private void assertProblem(String name, ApiResponse response, int status, String code, List<String> fields) {
        String shown = name + ": " + (response.body().length() > 2_000
                ? response.status() + " " + response.body().substring(0, 2_000) + "..." : response.toString());
        assertThat(response.status()).as(shown).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(shown).startsWith("application/problem+json");
        Map<String, Object> problem = response.object();
        assertThat(problem.get("code")).as(shown).isEqualTo(code);
        assertThat(problem.get("status")).isEqualTo(status);
        assertThat(problem.get("type")).isEqualTo("https://docs.novabilling.dev/errors/" + code);
        assertThat((String) problem.get("title")).isNotBlank();
        assertThat((String) problem.get("detail")).isNotBlank();
        if (fields == null) {
            assertThat(problem).as(shown).doesNotContainKey("errors");
        } else {
            assertThat(response.errorFields()).as(shown).containsExactlyInAnyOrderElementsOf(fields);
        }
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(problem.get("requestId")).isEqualTo(requestId);
        for (String forbidden : FORBIDDEN_IN_BODY) {
            assertThat(response.body()).as("%s: body leaks %s", name, forbidden).doesNotContain(forbidden);
        }
        assertThat(response.body().length()).as("problem size").isLessThan(16_384);
    }

    /** Every table a hostile request could touch, row by row (last_used_at moves on every use, so not it). */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("customers", rows("SELECT tenant_id, id, external_id, email, name, country, currency, status, "
                + "metadata::text, created_at, updated_at FROM customers ORDER BY tenant_id, id"));
        tables.put("api_keys", rows("SELECT tenant_id, id, name, scopes::text, display_prefix, created_at, "
                + "expires_at, revoked_at FROM api_keys ORDER BY tenant_id, id"));
        tables.put("tenants", rows("SELECT id, name, default_currency, status, created_at FROM tenants ORDER BY id"));
        return tables;
    }

    private List<String> rows(String sql) {
        return jdbc.query(sql, List.of(), rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.append(i == 1 ? "" : " | ").append(rs.getString(i));
            }
            return row.toString();
        });
    }

    private String resolve(String s) {
        return s == null ? null : s.replace(EXISTING, existingId).replace(OTHER, otherId);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * A request whose body and one header value are raw bytes, written on a plain socket: the JDK client
     * refuses header values it considers illegal and always encodes bodies correctly.
     */
    private ApiResponse sendRaw(String method, String path, byte[] body, String contentType, String headerName,
                                byte[] headerValue) {
        URI uri = server.getURI();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            var out = new java.io.ByteArrayOutputStream();
            out.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            if (!headerName.equalsIgnoreCase("Authorization")) {
                out.writeBytes(("Authorization: Bearer " + OPERATOR_KEY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes((headerName + ": ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(headerValue);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (contentType != null) {
                out.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (body != null) {
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.writeBytes(body);
            }
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            return parseRawResponse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ApiResponse parseRawResponse(byte[] raw) {
        int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String[] lines = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        boolean chunked = headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                && e.getValue().get(0).equalsIgnoreCase("chunked"));
        return new ApiResponse(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8),
                json);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new java.io.ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + new String(needle, StandardCharsets.US_ASCII).strip() + " in response");
    }
}
