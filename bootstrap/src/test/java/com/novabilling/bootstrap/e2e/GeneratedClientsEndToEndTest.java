package com.novabilling.bootstrap.e2e;

import com.novabilling.client.okhttp.ApiClient;
import com.novabilling.client.okhttp.ApiException;
import com.novabilling.client.okhttp.api.AdminApi;
import com.novabilling.client.okhttp.api.CustomersApi;
import com.novabilling.client.okhttp.model.CreateCustomerRequest;
import com.novabilling.client.okhttp.model.CreateTenantRequest;
import com.novabilling.client.okhttp.model.CreatedTenant;
import com.novabilling.client.okhttp.model.Customer;
import com.novabilling.client.okhttp.model.CustomerList;
import com.novabilling.client.okhttp.model.DeletedCustomer;
import com.novabilling.client.okhttp.model.MetadataValue;
import com.novabilling.client.okhttp.model.UpdateCustomerRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The customers guide through Java clients that openapi-generator made from the document this app serves
 * (bootstrap's pom generates them from adapters-rest's compile-time openapi.yml): the {@code okhttp-gson}
 * library, authenticated with {@code setBearerToken} on a tenant key (the admin token sits under a
 * separate API-key scheme, so setBearerToken cannot land there), and the {@code native} library
 * ({@code java.net.http}), which has no auth helpers: a request interceptor sets the same header, and whose
 * default mapper must not coerce scalars (see the test).
 */
@MicronautTest(transactional = false, environments = "postgres")
class GeneratedClientsEndToEndTest extends EndToEndTest {

    @Test
    void okHttpGsonClientRunsTheGuideWithSetBearerToken() throws Exception {
        ApiClient admin = new ApiClient();
        admin.setBasePath(baseUrl());
        admin.setApiKey(ADMIN_TOKEN);
        admin.setApiKeyPrefix("Bearer");
        CreatedTenant tenant = new AdminApi(admin).createTenant(new CreateTenantRequest().name("Okhttp Tenant"));
        assertThat(tenant.getApiKey().getSecret()).startsWith("sk_live_");

        ApiClient client = new ApiClient();
        client.setBasePath(baseUrl());
        client.setBearerToken(tenant.getApiKey().getSecret());
        CustomersApi customers = new CustomersApi(client);

        CreateCustomerRequest sarah = new CreateCustomerRequest()
                .email("sarah@kampaltech.ug").name("Nakato Sarah").externalId("usr_98765").country("UG").currency("UGX")
                .putMetadataItem("accountType", new MetadataValue("business"))
                .putMetadataItem("seats", new MetadataValue(new BigDecimal("5")))
                .putMetadataItem("vip", new MetadataValue(true));
        String idempotencyKey = java.util.UUID.randomUUID().toString();
        Customer created = customers.createCustomer(sarah, idempotencyKey);
        assertThat(created.getId()).startsWith("cust_");
        assertThat(customers.createCustomer(sarah, idempotencyKey).getId())
                .as("a retry with the Idempotency-Key gets the same customer").isEqualTo(created.getId());
        assertThat(created.getCurrency()).isEqualTo("UGX");

        Customer got = customers.getCustomer(created.getId());
        assertThat(got.getEmail()).isEqualTo("sarah@kampaltech.ug");
        assertThat(got.getMetadata().get("accountType").getString()).isEqualTo("business");
        assertThat(got.getMetadata().get("seats").getBigDecimal()).isEqualTo(new BigDecimal("5"));
        assertThat(got.getMetadata().get("seats").getBigDecimal().toPlainString()).isEqualTo("5");
        assertThat(got.getMetadata().get("vip").getBoolean()).isTrue();

        Customer renamed = customers.updateCustomer(created.getId(), new UpdateCustomerRequest().name("Nakato Sarah Williams"),
                java.util.UUID.randomUUID().toString());
        assertThat(renamed.getName()).isEqualTo("Nakato Sarah Williams");
        assertThat(renamed.getMetadata()).as("a partial update keeps the metadata it did not set")
                .isEqualTo(got.getMetadata());
        assertThat(renamed.getExternalId()).isEqualTo("usr_98765");
        assertThat(renamed.getCountry()).isEqualTo("UG");

        CustomerList found = customers.listCustomers(1, 20, "nakato", null, null, null, null, null, null, null, null, null);
        assertThat(found.getTotal()).isEqualTo(1L);
        assertThat(found.getData()).extracting(Customer::getId).containsExactly(created.getId());
        CustomerList after = customers.listCustomers(null, 20, "nakato", null, null, null, null, null, null, null,
                created.getId(), null);
        assertThat(after.getData()).as("keyset: nothing after the only match").isEmpty();
        assertThat(after.getHasMore()).isFalse();
        assertThat(after.getTotal()).isEqualTo(1L);

        ApiException duplicate = catchThrowableOfType(ApiException.class, () -> customers.createCustomer(
                new CreateCustomerRequest().email("SARAH@kampaltech.ug").name("Someone Else"), null));
        assertThat(duplicate.getCode()).isEqualTo(409);
        assertThat(duplicate.getResponseBody()).contains("\"code\":\"customer_email_taken\"");

        DeletedCustomer deleted = customers.deleteCustomer(created.getId(), null);
        assertThat(deleted.getDeleted()).isTrue();
        ApiException gone = catchThrowableOfType(ApiException.class, () -> customers.getCustomer(created.getId()));
        assertThat(gone.getCode()).isEqualTo(404);
        assertThat(gone.getResponseBody()).contains("\"code\":\"customer_not_found\"");
    }

    @Test
    void nativeClientRunsTheGuide() throws Exception {
        var client = new com.novabilling.client.javanative.ApiClient();
        client.updateBaseUri(baseUrl());
        // The native ApiClient's default mapper, unlike the generator's own JSON class, coerces scalars (5 would
        // also read as the string "5"), which makes every oneOf of primitives ambiguous; switch that off.
        client.setObjectMapper(com.novabilling.client.javanative.ApiClient.createDefaultObjectMapper()
                .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + OPERATOR_KEY));
        var customers = new com.novabilling.client.javanative.api.CustomersApi(client);
        var metadataValue = (java.util.function.Function<Object, com.novabilling.client.javanative.model.MetadataValue>)
                value -> value instanceof String s ? new com.novabilling.client.javanative.model.MetadataValue(s)
                        : value instanceof Boolean b ? new com.novabilling.client.javanative.model.MetadataValue(b)
                        : new com.novabilling.client.javanative.model.MetadataValue((BigDecimal) value);

        var created = customers.createCustomer(new com.novabilling.client.javanative.model.CreateCustomerRequest()
                .email("native@kampaltech.ug").name("Native Client").currency("KES")
                .putMetadataItem("plan", metadataValue.apply("gold"))
                .putMetadataItem("seats", metadataValue.apply(new BigDecimal("12.50")))
                .putMetadataItem("trial", metadataValue.apply(false)), null);
        assertThat(created.getId()).startsWith("cust_");

        var got = customers.getCustomer(created.getId());
        assertThat(got.getMetadata().get("plan").getString()).isEqualTo("gold");
        assertThat(got.getMetadata().get("seats").getBigDecimal()).isEqualByComparingTo("12.5");
        assertThat(got.getMetadata().get("trial").getBoolean()).isFalse();

        var renamed = customers.updateCustomer(created.getId(),
                new com.novabilling.client.javanative.model.UpdateCustomerRequest().name("Native Client Renamed"), null);
        assertThat(renamed.getName()).isEqualTo("Native Client Renamed");
        assertThat(renamed.getMetadata()).as("a partial update keeps the metadata it did not set")
                .isEqualTo(got.getMetadata());
        assertThat(renamed.getCurrency()).isEqualTo("KES");

        var cleared = customers.updateCustomer(created.getId(),
                new com.novabilling.client.javanative.model.UpdateCustomerRequest().metadata(null), null);
        assertThat(cleared.getMetadata()).as("metadata: null clears it (JSON merge patch)").isEmpty();
        assertThat(cleared.getName()).isEqualTo("Native Client Renamed");

        var found = customers.listCustomers(1, 20, "native@", null, null, null, null, null, null, null, null, null);
        assertThat(found.getData()).extracting(c -> c.getId()).containsExactly(created.getId());

        var duplicate = catchThrowableOfType(com.novabilling.client.javanative.ApiException.class,
                () -> customers.createCustomer(new com.novabilling.client.javanative.model.CreateCustomerRequest()
                        .email("Native@KampalTech.ug").name("Again"), null));
        assertThat(duplicate.getCode()).isEqualTo(409);
        assertThat(duplicate.getResponseBody()).contains("\"code\":\"customer_email_taken\"");

        assertThat(customers.deleteCustomer(created.getId(), null).getDeleted()).isTrue();
        var gone = catchThrowableOfType(com.novabilling.client.javanative.ApiException.class,
                () -> customers.deleteCustomer(created.getId(), null));
        assertThat(gone.getCode()).isEqualTo(404);
    }

    private String baseUrl() {
        return "http://localhost:" + server.getPort();
    }
}
