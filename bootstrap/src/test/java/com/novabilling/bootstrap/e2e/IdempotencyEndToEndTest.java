package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the customer writes, through the API on PostgreSQL (and, in
 * {@link MemoryIdempotencyEndToEndTest}, on the in-memory adapter): a retry gets the first answer byte for byte, a
 * reused key is refused, concurrent requests with one key have one effect, refusals are kept and invalid requests
 * are not. A commit that fails: {@link DatabaseFailureEndToEndTest}.
 */
@MicronautTest(transactional = false, environments = "postgres")
class IdempotencyEndToEndTest extends EndToEndTest {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ApiResponse post(String key, String body) {
        return api.send("POST", "/api/customers", body, "application/json", IDEMPOTENCY_KEY, key);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String customer(String email, String name) {
        return "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"country\":\"UG\",\"currency\":\"UGX\","
                + "\"metadata\":{\"plan\":\"pro\",\"seats\":5}}";
    }

    private int customersWithEmail(String email) {
        ApiResponse list = api.get("/api/customers?email=" + email);
        assertThat(list.status()).isEqualTo(200);
        return list.data().size();
    }

    @Test
    void aRetriedCreateGetsTheFirstAnswerByteForByteAndCreatesOneCustomer() {
        String key = key();
        ApiResponse first = post(key, customer("retry@idem.test", "Nakato Sarah"));
        ApiResponse retry = post(key, customer("retry@idem.test", "Nakato Sarah"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(first.object()).containsEntry("email", "retry@idem.test").containsEntry("name", "Nakato Sarah");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"))
                .isEqualTo("/api/customers/" + first.object().get("id"));
        assertThat(retry.header("Content-Type")).startsWith("application/json");
        assertThat(customersWithEmail("retry@idem.test")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String key = key();
        assertThat(post(key, customer("first@idem.test", "First")).status()).isEqualTo(201);

        ApiResponse reused = post(key, customer("second@idem.test", "Second"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(customersWithEmail("second@idem.test")).isZero();
    }

    @Test
    void theSameKeyOnAnotherCustomerPathIsAnotherRequest() {
        String a = (String) post(key(), customer("path-a@idem.test", "A")).object().get("id");
        String b = (String) post(key(), customer("path-b@idem.test", "B")).object().get("id");
        String key = key();
        String patch = "{\"name\":\"Renamed\"}";

        assertThat(api.send("PATCH", "/api/customers/" + a, patch, "application/json", IDEMPOTENCY_KEY, key).status())
                .isEqualTo(200);
        ApiResponse other = api.send("PATCH", "/api/customers/" + b, patch, "application/json", IDEMPOTENCY_KEY, key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(api.get("/api/customers/" + b).object()).containsEntry("name", "B");
    }

    @Test
    void aRetriedDeleteGetsItsFirstAnswerNotA404() {
        String id = (String) post(key(), customer("delete@idem.test", "Delete Me")).object().get("id");
        String key = key();

        ApiResponse deleted = api.send("DELETE", "/api/customers/" + id, null, null, IDEMPOTENCY_KEY, key);
        ApiResponse retry = api.send("DELETE", "/api/customers/" + id, null, null, IDEMPOTENCY_KEY, key);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.object()).containsEntry("id", id).containsEntry("deleted", true);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(deleted.body());
        assertThat(api.delete("/api/customers/" + id).status()).as("without the key").isEqualTo(404);
    }

    @Test
    void aRefusalIsKeptForItsKeyEvenAfterTheConflictIsGone() {
        ApiResponse taken = post(key(), customer("conflict@idem.test", "Holder"));
        String key = key();

        ApiResponse refused = post(key, customer("conflict@idem.test", "Latecomer"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("customer_email_taken");

        assertThat(api.delete("/api/customers/" + taken.object().get("id")).status()).isEqualTo(200);
        ApiResponse retry = post(key, customer("conflict@idem.test", "Latecomer"));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(refused.body());
        assertThat(customersWithEmail("conflict@idem.test")).isZero();
    }

    @Test
    void anInvalidRequestIsNotKeptSoTheKeyCanBeUsedOnceItIsFixed() {
        String key = key();
        ApiResponse invalid = post(key, customer("not-an-email", "Fix Me"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("email");

        ApiResponse fixed = post(key, customer("fixed@idem.test", "Fix Me"));

        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aBadKeyIsA400NamingTheHeaderAndChangesNothing() {
        ApiResponse tooLong = post("k".repeat(256), customer("badkey@idem.test", "Bad Key"));
        ApiResponse empty = post("", customer("badkey@idem.test", "Bad Key"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("validation_failed");
        assertThat(tooLong.errorFields()).containsExactly("Idempotency-Key");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(customersWithEmail("badkey@idem.test")).isZero();
        assertThat(post("k".repeat(255), customer("badkey@idem.test", "Bad Key")).status()).isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        String key = key();
        String body = customer("concurrent@idem.test", "Concurrent");
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit((Callable<ApiResponse>) () -> {
                    go.await();
                    return post(key, body);
                }));
            }
            go.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get());
            }

            assertThat(responses).allSatisfy(r -> {
                assertThat(r.status()).isIn(201, 409);
                if (r.status() == 409) {
                    assertThat(r.code()).isEqualTo("idempotency_key_in_use");
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                }
            });
            List<ApiResponse> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(ApiResponse::body).containsOnly(created.get(0).body());
            assertThat(created.stream().filter(r -> r.header("Idempotent-Replayed") == null)).as("the one request that ran the create").hasSize(1);
            assertThat(customersWithEmail("concurrent@idem.test")).isEqualTo(1);
            // and a retry after the contention gets the one answer
            assertThat(post(key, body).body()).isEqualTo(created.get(0).body());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreCountedAsReplaysInTheMetrics() {
        double before = replays();
        String key = key();
        post(key, customer("metric@idem.test", "Metric"));
        post(key, customer("metric@idem.test", "Metric"));

        assertThat(replays()).as("the one replay of this test").isEqualTo(before + 1);
    }

    private double replays() {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^novabilling_idempotent_replays_total (\\S+)$")
                .matcher(api.withoutKey().get("/metrics").body());
        assertThat(value.find()).as("the replay counter is exported").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
