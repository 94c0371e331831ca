package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Billing totals, the delete cascade, PATCH semantics and races, through HTTP on PostgreSQL. */
@MicronautTest(transactional = false, environments = "postgres")
class CustomerLifecycleEndToEndTest extends EndToEndTest {

    @Inject
    TestJdbc jdbc;

    private String create(String email, String extra) {
        ApiResponse created = api.post("/api/customers", "{\"email\":\"" + email + "\",\"name\":\"Test Customer\"" + extra + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return (String) created.object().get("id");
    }

    private void subscription(String customerId, String id, String status) {
        jdbc.update("INSERT INTO subscriptions (tenant_id, id, customer_id, status) VALUES ('default', ?, ?, ?)",
                List.of(id, customerId, status));
    }

    private void invoice(String customerId, String id, String status, String currency, String paid) {
        jdbc.update("""
                INSERT INTO invoices (tenant_id, id, customer_id, status, currency, amount_due, amount_paid)
                VALUES ('default', ?, ?, ?, ?, ?, ?)""",
                List.of(id, customerId, status, currency, new BigDecimal(paid), new BigDecimal(paid)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewCurrencysEventShowsTheTotalSpentBeforeTheChange() {
        String id = create("recount@kampaltech.ug", ",\"currency\":\"UGX\"");
        invoice(id, "inv_r1", "paid", "UGX", "150000");
        invoice(id, "inv_r2", "paid", "KES", "999");

        ApiResponse patched = api.patch("/api/customers/" + id, "{\"currency\":\"KES\"}");
        assertThat(patched.body()).as("the row's total is recounted for KES").contains("\"totalSpent\":999,");

        Map<String, Object> event = api.get("/api/events?type=customer.updated&limit=100").data().stream()
                .filter(e -> id.equals(((Map<String, Object>) ((Map<String, Object>) e.get("data")).get("object")).get("id")))
                .findFirst().orElseThrow();
        Map<String, Object> previous = (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("previousAttributes");
        assertThat(previous).containsEntry("currency", "UGX").containsEntry("totalSpent", 150000);
    }

    @Test
    void totalsComeFromPaidInvoicesAndActiveSubscriptions() {
        String id = create("totals@kampaltech.ug", ",\"currency\":\"UGX\"");
        invoice(id, "inv_t1", "paid", "UGX", "150000");
        invoice(id, "inv_t2", "paid", "UGX", "2500.50");
        invoice(id, "inv_t3", "open", "UGX", "0");
        invoice(id, "inv_t4", "paid", "KES", "999");
        subscription(id, "sub_t1", "active");
        subscription(id, "sub_t2", "canceled");

        ApiResponse got = api.get("/api/customers/" + id);

        assertThat(got.body()).contains("\"totalSpent\":152500.5,");
        assertThat(got.object().get("activeSubscriptions")).isEqualTo(1);
        assertThat(api.get("/api/customers?search=totals@").data().get(0).get("activeSubscriptions")).isEqualTo(1);
    }

    @Test
    void deleteCancelsSubscriptionsVoidsUnpaidInvoicesAndKeepsTheRecords() {
        String id = create("leaving@kampaltech.ug", ",\"currency\":\"KES\"");
        subscription(id, "sub_d1", "active");
        subscription(id, "sub_d2", "active");
        subscription(id, "sub_d3", "canceled");
        invoice(id, "inv_d1", "draft", "KES", "0");
        invoice(id, "inv_d2", "open", "KES", "0");
        invoice(id, "inv_d3", "paid", "KES", "100");

        ApiResponse deleted = api.delete("/api/customers/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.object()).isEqualTo(Map.of("id", id, "deleted", true, "canceledSubscriptions", 2, "voidedInvoices", 2));
        assertThat(jdbc.query("SELECT status FROM subscriptions WHERE customer_id = ? ORDER BY id", List.of(id),
                rs -> rs.getString(1))).containsExactly("canceled", "canceled", "canceled");
        assertThat(jdbc.query("SELECT status FROM invoices WHERE customer_id = ? ORDER BY id", List.of(id),
                rs -> rs.getString(1))).containsExactly("void", "void", "paid");
        assertThat(api.get("/api/customers/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/customers/" + id).status()).isEqualTo(404);
    }

    @Test
    void patchChangesOnlyGivenFieldsAndNullClearsOptionalOnes() {
        String id = create("patch@kampaltech.ug", ",\"externalId\":\"usr_p\",\"country\":\"ug\",\"currency\":\"ugx\"");
        Map<String, Object> before = api.get("/api/customers/" + id).object();
        assertThat(before.get("country")).isEqualTo("UG");
        assertThat(before.get("currency")).isEqualTo("UGX");

        ApiResponse cleared = api.patch("/api/customers/" + id, "{\"country\":null,\"externalId\":null,\"status\":\"inactive\"}");

        assertThat(cleared.status()).isEqualTo(200);
        Map<String, Object> after = cleared.object();
        assertThat(after.get("country")).isNull();
        assertThat(after.get("externalId")).isNull();
        assertThat(after.get("status")).isEqualTo("inactive");
        assertThat(after.get("email")).isEqualTo(before.get("email"));
        assertThat(after.get("name")).isEqualTo(before.get("name"));
        assertThat(after.get("currency")).isEqualTo("UGX");

        ApiResponse nullName = api.patch("/api/customers/" + id, "{\"name\":null,\"email\":null}");
        assertThat(nullName.status()).isEqualTo(400);
        assertThat(nullName.errorFields()).containsExactlyInAnyOrder("name", "email");
        assertThat(api.get("/api/customers/" + id).object()).isEqualTo(after);

        ApiResponse nothing = api.patch("/api/customers/" + id, "{}");
        assertThat(nothing.object()).isEqualTo(after);
    }

    /** JSON merge patch: metadata absent keeps it, null clears it (like {}), a map replaces it whole. */
    @Test
    void patchKeepsMetadataWhenAbsentAndNullClearsIt() {
        String id = create("meta@kampaltech.ug", ",\"metadata\":{\"plan\":\"gold\",\"seats\":5}");

        ApiResponse renamed = api.patch("/api/customers/" + id, "{\"name\":\"Renamed\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.object().get("metadata")).isEqualTo(Map.of("plan", "gold", "seats", 5));

        ApiResponse cleared = api.patch("/api/customers/" + id, "{\"metadata\":null}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.object().get("metadata")).isEqualTo(Map.of());
        assertThat(cleared.object().get("name")).isEqualTo("Renamed");
    }

    @Test
    void concurrentCreatesWithOneEmailGiveOneCustomer() throws Exception {
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String email = (i % 2 == 0 ? "race@kampaltech.ug" : "RACE@KampalTech.ug");
                Callable<ApiResponse> call = () -> {
                    start.await();
                    return api.post("/api/customers", "{\"email\":\"" + email + "\",\"name\":\"Racer\"}");
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.code()).isEqualTo("customer_email_taken");
                }
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.query("SELECT count(*) FROM customers WHERE lower(email) = 'race@kampaltech.ug'", List.of(),
                rs -> rs.getLong(1))).containsExactly(1L);
    }

    @Test
    void updatingToAnotherCustomersEmailOrExternalIdIsAConflict() {
        create("first@kampaltech.ug", ",\"externalId\":\"ext_first\"");
        String second = create("second@kampaltech.ug", ",\"externalId\":\"ext_second\"");

        ApiResponse email = api.patch("/api/customers/" + second, "{\"email\":\"FIRST@kampaltech.ug\"}");
        ApiResponse external = api.patch("/api/customers/" + second, "{\"externalId\":\"ext_first\"}");

        assertThat(email.status()).isEqualTo(409);
        assertThat(email.code()).isEqualTo("customer_email_taken");
        assertThat(external.status()).isEqualTo(409);
        assertThat(external.code()).isEqualTo("customer_external_id_taken");
        Map<String, Object> unchanged = api.get("/api/customers/" + second).object();
        assertThat(unchanged.get("email")).isEqualTo("second@kampaltech.ug");
        assertThat(unchanged.get("externalId")).isEqualTo("ext_second");
    }

    @Test
    void listPagesSortAndFilter() {
        for (int i = 0; i < 5; i++) {
            create("page" + i + "@paging.test", ",\"country\":\"" + (i % 2 == 0 ? "KE" : "NG") + "\"");
        }
        ApiResponse first = api.get("/api/customers?search=paging.test&limit=2&page=1&sortBy=email&sortOrder=asc");
        ApiResponse third = api.get("/api/customers?search=paging.test&limit=2&page=3&sortBy=email&sortOrder=asc");

        assertThat(first.data()).extracting(c -> c.get("email")).containsExactly("page0@paging.test", "page1@paging.test");
        assertThat(first.object().get("total")).isEqualTo(5);
        assertThat(first.object().get("totalPages")).isEqualTo(3);
        assertThat(first.object().get("hasMore")).isEqualTo(true);
        assertThat(third.data()).extracting(c -> c.get("email")).containsExactly("page4@paging.test");
        assertThat(third.object().get("hasMore")).isEqualTo(false);
        assertThat(api.get("/api/customers?search=paging.test&country=ke").data()).extracting(c -> c.get("country"))
                .containsOnly("KE").hasSize(3);
    }

    @Test
    void maintainedTotalsFollowBillingWritesAndTheOperatorCheckRepairsThem() {
        String id = create("audit@kampaltech.ug", ",\"currency\":\"UGX\"");
        invoice(id, "inv_a1", "paid", "UGX", "400");
        invoice(id, "inv_a2", "open", "UGX", "0");
        subscription(id, "sub_a1", "active");
        jdbc.update("UPDATE invoices SET status = 'paid', amount_paid = 100 WHERE id = 'inv_a2'", List.of());
        assertThat(api.get("/api/customers/" + id).body()).contains("\"totalSpent\":500,");
        assertThat(api.patch("/api/customers/" + id, "{\"currency\":\"KES\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + id).body()).contains("\"totalSpent\":0,");
        assertThat(api.patch("/api/customers/" + id, "{\"currency\":\"UGX\"}").body()).contains("\"totalSpent\":500,");

        jdbc.update("UPDATE customers SET total_spent = 1, active_subscriptions = 9 WHERE id = ?", List.of(id));
        String verify = "/api/admin/billing-totals/verify";
        assertThat(api.send("POST", verify, null, null).status()).isEqualTo(401);
        assertThat(api.withKey(ADMIN_TOKEN).send("POST", verify + "?repair=maybe", null, null).errorFields())
                .containsExactly("repair");

        ApiResponse checked = api.withKey(ADMIN_TOKEN).send("POST", verify, null, null);
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.object().get("mismatched")).isEqualTo(1);
        assertThat(checked.object().get("repaired")).isEqualTo(0);
        assertThat(checked.body()).contains("\"customerId\":\"" + id + "\"")
                .contains("\"stored\":{\"totalSpent\":1,\"activeSubscriptions\":9}")
                .contains("\"actual\":{\"totalSpent\":500,\"activeSubscriptions\":1}");
        assertThat(api.get("/api/customers/" + id).object().get("activeSubscriptions")).isEqualTo(9);

        ApiResponse repaired = api.withKey(ADMIN_TOKEN).send("POST", verify + "?repair=true", null, null);
        assertThat(repaired.object().get("repaired")).isEqualTo(1);
        assertThat(api.get("/api/customers/" + id).body()).contains("\"totalSpent\":500,")
                .contains("\"activeSubscriptions\":1");
        assertThat(api.withKey(ADMIN_TOKEN).send("POST", verify, null, null).object().get("mismatched")).isEqualTo(0);
    }

    @Test
    void keysetPagesWalkTheListAndRefuseBadCursors() {
        for (int i = 0; i < 5; i++) {
            create("key" + i + "@keyset.test", "");
        }
        String query = "/api/customers?search=keyset.test&sortBy=email&sortOrder=desc&limit=2";
        List<Object> expected = api.get(query.replace("limit=2", "limit=10")).data().stream().map(c -> c.get("id")).toList();
        assertThat(expected).hasSize(5);

        List<Object> walked = new ArrayList<>();
        ApiResponse page = api.get(query);
        walked.addAll(page.data().stream().map(c -> c.get("id")).toList());
        while ((Boolean) page.object().get("hasMore")) {
            page = api.get(query + "&startingAfter=" + walked.get(walked.size() - 1));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.object().get("total")).isEqualTo(5);
            walked.addAll(page.data().stream().map(c -> c.get("id")).toList());
        }
        assertThat(walked).isEqualTo(expected);

        ApiResponse before = api.get(query + "&endingBefore=" + expected.get(4));
        assertThat(before.data()).extracting(c -> c.get("id")).containsExactly(expected.get(2), expected.get(3));
        assertThat(before.object().get("hasMore")).isEqualTo(true);

        for (String bad : List.of("&startingAfter=cust_01jq3v6x9c4m2k8d7f5h1n0p2r", "&startingAfter=nonsense",
                "&startingAfter=" + expected.get(0) + "&endingBefore=" + expected.get(1),
                "&page=1&startingAfter=" + expected.get(0))) {
            ApiResponse refused = api.get(query + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get(query + "&startingAfter=nonsense").errorFields()).containsExactly("startingAfter");
        assertThat(api.get(query + "&page=2&endingBefore=" + expected.get(0)).errorFields()).containsExactly("page");
    }
}
