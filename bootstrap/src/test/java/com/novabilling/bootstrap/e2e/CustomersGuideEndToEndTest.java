package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customers guide, curl example by curl example, in its order: create Sarah, the duplicate email,
 * the update that replaces metadata, list, search, get, delete, get again. Each step asserts the body
 * field by field.
 */
@MicronautTest(transactional = false, environments = "postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomersGuideEndToEndTest extends EndToEndTest {

    private static final List<String> CUSTOMER_FIELDS = List.of("id", "externalId", "email", "name", "country",
            "currency", "status", "metadata", "totalSpent", "activeSubscriptions", "createdAt", "updatedAt");
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private String sarahId;
    private String createdAt;

    @Test
    @Order(1)
    void createsSarahAsTheGuideShows() {
        Instant before = Instant.now().minusSeconds(1);
        ApiResponse response = api.post("/api/customers", """
                {
                  "externalId": "usr_98765",
                  "email": "sarah@kampaltech.ug",
                  "name": "Nakato Sarah",
                  "country": "UG",
                  "currency": "UGX",
                  "metadata": {
                    "userId": "usr_98765",
                    "accountType": "business"
                  }
                }""");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        Map<String, Object> customer = response.object();
        assertThat(customer.keySet()).containsExactlyElementsOf(CUSTOMER_FIELDS);
        sarahId = (String) customer.get("id");
        assertThat(sarahId).matches("cust_[0-9a-hjkmnp-tv-z]{26}");
        assertThat(response.header("Location")).isEqualTo("/api/customers/" + sarahId);
        assertThat(customer.get("externalId")).isEqualTo("usr_98765");
        assertThat(customer.get("email")).isEqualTo("sarah@kampaltech.ug");
        assertThat(customer.get("name")).isEqualTo("Nakato Sarah");
        assertThat(customer.get("country")).isEqualTo("UG");
        assertThat(customer.get("currency")).isEqualTo("UGX");
        assertThat(customer.get("status")).isEqualTo("active");
        assertThat(customer.get("metadata")).isEqualTo(Map.of("userId", "usr_98765", "accountType", "business"));
        assertThat(((Number) customer.get("totalSpent")).intValue()).isZero();
        assertThat(customer.get("activeSubscriptions")).isEqualTo(0);
        createdAt = (String) customer.get("createdAt");
        assertThat(createdAt).matches(TIMESTAMP);
        assertThat(Instant.parse(createdAt)).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(customer.get("updatedAt")).isEqualTo(createdAt);
    }

    @Test
    @Order(2)
    void creatingAnotherCustomerWithSarahsEmailIsAConflict() {
        ApiResponse response = api.post("/api/customers", """
                {"email": "Sarah@KampalTech.ug", "name": "Someone Else"}""");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        Map<String, Object> problem = response.object();
        assertThat(problem.get("code")).isEqualTo("customer_email_taken");
        assertThat(problem.get("status")).isEqualTo(409);
        assertThat(problem.get("title")).isNotNull();
        assertThat((String) problem.get("detail")).contains("Sarah@KampalTech.ug");
        assertThat(api.get("/api/customers").object().get("total")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void updateChangesTheNameAndReplacesMetadataWhole() throws InterruptedException {
        Thread.sleep(5);
        ApiResponse response = api.patch("/api/customers/" + sarahId, """
                {
                  "name": "Nakato Sarah Williams",
                  "metadata": {
                    "userId": "usr_98765",
                    "accountType": "enterprise",
                    "upgradeDate": "2025-03-01"
                  }
                }""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, Object> customer = response.object();
        assertThat(customer.keySet()).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(customer.get("id")).isEqualTo(sarahId);
        assertThat(customer.get("name")).isEqualTo("Nakato Sarah Williams");
        assertThat(customer.get("email")).isEqualTo("sarah@kampaltech.ug");
        assertThat(customer.get("externalId")).isEqualTo("usr_98765");
        assertThat(customer.get("country")).isEqualTo("UG");
        assertThat(customer.get("currency")).isEqualTo("UGX");
        assertThat(customer.get("metadata")).isEqualTo(Map.of(
                "userId", "usr_98765", "accountType", "enterprise", "upgradeDate", "2025-03-01"));
        assertThat(customer.get("createdAt")).isEqualTo(createdAt);
        assertThat(Instant.parse((String) customer.get("updatedAt"))).isAfter(Instant.parse(createdAt));

        ApiResponse dropKeys = api.patch("/api/customers/" + sarahId, """
                {"metadata": {"accountType": "enterprise"}}""");
        assertThat(dropKeys.object().get("metadata")).isEqualTo(Map.of("accountType", "enterprise"));
        assertThat(dropKeys.object().get("name")).isEqualTo("Nakato Sarah Williams");
    }

    @Test
    @Order(4)
    void listsTheFirstPage() {
        api.post("/api/customers", """
                {"email": "okello@kampaltech.ug", "name": "Okello John", "country": "UG", "currency": "UGX"}""");

        ApiResponse response = api.get("/api/customers?page=1&limit=20");

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> page = response.object();
        assertThat(page.keySet()).containsExactly("data", "total", "page", "limit", "totalPages", "hasMore");
        assertThat(page.get("total")).isEqualTo(2);
        assertThat(page.get("page")).isEqualTo(1);
        assertThat(page.get("limit")).isEqualTo(20);
        assertThat(page.get("totalPages")).isEqualTo(1);
        assertThat(page.get("hasMore")).isEqualTo(false);
        assertThat(response.data()).extracting(c -> c.get("name")).containsExactly("Okello John", "Nakato Sarah Williams");
        assertThat(response.data().get(1).keySet()).containsExactlyElementsOf(CUSTOMER_FIELDS);
    }

    @Test
    @Order(5)
    void searchesSarahByNameOrEmail() {
        ApiResponse response = api.get("/api/customers?search=sarah&page=1&limit=20");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.object().get("total")).isEqualTo(1);
        assertThat(response.data()).singleElement().satisfies(c -> {
            assertThat(c.get("id")).isEqualTo(sarahId);
            assertThat(c.get("name")).isEqualTo("Nakato Sarah Williams");
            assertThat(c.get("email")).isEqualTo("sarah@kampaltech.ug");
        });
        assertThat(api.get("/api/customers?search=KAMPALTECH").object().get("total")).isEqualTo(2);
    }

    @Test
    @Order(6)
    void getsSarahsDetails() {
        ApiResponse response = api.get("/api/customers/" + sarahId);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> customer = response.object();
        assertThat(customer.keySet()).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(customer.get("id")).isEqualTo(sarahId);
        assertThat(customer.get("name")).isEqualTo("Nakato Sarah Williams");
        assertThat(customer.get("metadata")).isEqualTo(Map.of("accountType", "enterprise"));
        assertThat(customer.get("status")).isEqualTo("active");
    }

    @Test
    @Order(7)
    void deletesSarah() {
        ApiResponse response = api.delete("/api/customers/" + sarahId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.object()).isEqualTo(Map.of(
                "id", sarahId, "deleted", true, "canceledSubscriptions", 0, "voidedInvoices", 0));
    }

    @Test
    @Order(9)
    void everyAnswerShowsMetadataKeysInOneOrder() {
        ApiResponse created = api.post("/api/customers", """
                {"email": "order@kampaltech.ug", "name": "Key Order",
                 "metadata": {"zeta": 1.50, "userId": "usr_1", "Plan": "gold", "\u00e9tage": 3, "accountType": "x"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = (String) created.object().get("id");
        String expected = "{\"Plan\":\"gold\",\"accountType\":\"x\",\"userId\":\"usr_1\",\"zeta\":1.5,\"\u00e9tage\":3}";

        assertThat(rawMetadata(created.body())).isEqualTo(expected);
        assertThat(rawMetadata(api.get("/api/customers/" + id).body())).isEqualTo(expected);
        assertThat(rawMetadata(api.get("/api/customers?email=order@kampaltech.ug").body())).isEqualTo(expected);
        assertThat(rawMetadata(api.patch("/api/customers/" + id, "{\"name\": \"Key Order Two\"}").body()))
                .isEqualTo(expected);
        api.delete("/api/customers/" + id);
    }

    /** The metadata object exactly as written in a response body (metadata is flat: no nested braces). */
    private static String rawMetadata(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"metadata\":(\\{[^}]*\\})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    @Order(8)
    void sarahIsGoneAfterwards() {
        ApiResponse get = api.get("/api/customers/" + sarahId);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.code()).isEqualTo("customer_not_found");

        ApiResponse again = api.delete("/api/customers/" + sarahId);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("customer_not_found");
        assertThat(api.get("/api/customers?search=sarah").object().get("total")).isEqualTo(0);
    }
}
