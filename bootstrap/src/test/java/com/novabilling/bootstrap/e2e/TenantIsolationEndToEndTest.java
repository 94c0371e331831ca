package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant A's key never reaches tenant B's customers: a foreign id answers exactly like a random one, and
 * B's row stays as it was. Emails are unique per tenant only.
 */
@MicronautTest(transactional = false, environments = "postgres")
class TenantIsolationEndToEndTest extends EndToEndTest {

    private ApiClient tenantA;
    private ApiClient tenantB;
    private String bCustomerId;
    private Map<String, Object> bCustomerBefore;

    @BeforeAll
    void twoTenants() {
        ApiClient admin = new ApiClient(server.getURI(), ADMIN_TOKEN, json);
        tenantA = new ApiClient(server.getURI(), OPERATOR_KEY, json);
        ApiResponse created = admin.send("POST", "/api/admin/tenants", "{\"name\":\"Tenant B\"}", "application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) created.object().get("apiKey");
        tenantB = new ApiClient(server.getURI(), (String) key.get("secret"), json);
        ApiResponse customer = tenantB.post("/api/customers",
                "{\"email\":\"sarah@kampaltech.ug\",\"name\":\"Nakato Sarah\",\"externalId\":\"usr_1\",\"metadata\":{\"k\":\"v\"}}");
        assertThat(customer.status()).isEqualTo(201);
        bCustomerId = (String) customer.object().get("id");
        bCustomerBefore = customer.object();
    }

    @Test
    void foreignIdAnswersExactlyLikeARandomOne() {
        String randomId = "cust_01aaaaaaaaaaaaaaaaaaaaaaaa";
        for (String method : new String[] {"GET", "PATCH", "DELETE"}) {
            String body = method.equals("PATCH") ? "{\"name\":\"Hijacked\"}" : null;
            ApiResponse foreign = tenantA.send(method, "/api/customers/" + bCustomerId, body, body == null ? null : "application/json");
            ApiResponse random = tenantA.send(method, "/api/customers/" + randomId, body, body == null ? null : "application/json");

            assertThat(foreign.status()).as(method).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("customer_not_found");
            assertThat(random.status()).isEqualTo(404);
            Map<String, Object> f = foreign.object();
            Map<String, Object> r = random.object();
            f.remove("requestId");
            r.remove("requestId");
            assertThat(((String) f.remove("detail")).replace(bCustomerId, "<id>"))
                    .isEqualTo(((String) r.remove("detail")).replace(randomId, "<id>"));
            assertThat(f).isEqualTo(r);
        }
        assertThat(tenantB.get("/api/customers/" + bCustomerId).object()).isEqualTo(bCustomerBefore);
    }

    @Test
    void listsAndSearchesNeverShowAnotherTenantsCustomers() {
        assertThat(tenantA.get("/api/customers").data()).noneMatch(c -> c.get("id").equals(bCustomerId));
        assertThat(tenantA.get("/api/customers?search=sarah").data()).noneMatch(c -> c.get("id").equals(bCustomerId));
        assertThat(tenantA.get("/api/customers?email=sarah@kampaltech.ug").data()).noneMatch(c -> c.get("id").equals(bCustomerId));
        assertThat(tenantA.get("/api/customers?externalId=usr_1").data()).noneMatch(c -> c.get("id").equals(bCustomerId));
        assertThat(tenantB.get("/api/customers?search=sarah").data()).extracting(c -> c.get("id")).containsExactly(bCustomerId);
    }

    @Test
    void theSameEmailAndExternalIdMayExistInTwoTenants() {
        ApiResponse inA = tenantA.post("/api/customers",
                "{\"email\":\"SARAH@kampaltech.ug\",\"name\":\"Sarah in A\",\"externalId\":\"usr_1\"}");

        assertThat(inA.status()).as(inA.toString()).isEqualTo(201);
        assertThat(inA.object().get("id")).isNotEqualTo(bCustomerId);
        assertThat(tenantB.get("/api/customers/" + bCustomerId).object()).isEqualTo(bCustomerBefore);
    }

    @Test
    void apiKeysAreScopedToTheirTenantToo() {
        @SuppressWarnings("unchecked")
        String bKeyId = (String) tenantB.get("/api/tenants/me/api-keys").data().get(0).get("id");

        ApiResponse revokeForeign = tenantA.delete("/api/tenants/me/api-keys/" + bKeyId);

        assertThat(revokeForeign.status()).isEqualTo(404);
        assertThat(revokeForeign.code()).isEqualTo("api_key_not_found");
        assertThat(tenantA.get("/api/tenants/me/api-keys").body()).doesNotContain(bKeyId);
        assertThat(tenantB.get("/api/customers").status()).isEqualTo(200);
    }
}
