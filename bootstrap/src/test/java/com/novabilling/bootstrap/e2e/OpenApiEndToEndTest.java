package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document: public, complete (every route the server has), and its reference page works offline. */
@MicronautTest(transactional = false)
class OpenApiEndToEndTest extends EndToEndTest {

    @Inject
    Router router;

    private OpenAPI document() {
        return new OpenAPIV3Parser().readContents(OpenApiContract.servedDocument(server.getURI())).getOpenAPI();
    }

    @Test
    void theDocumentIsServedWithoutAKey() {
        ApiResponse response = api.withoutKey().get("/api/openapi.yml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/yaml");
        assertThat(response.body()).startsWith("openapi: 3.0");
        OpenAPI document = document();
        assertThat(document.getInfo().getTitle()).isEqualTo("NovaBilling Customers API");
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
        assertThat(document.getComponents().getSchemas()).containsKeys("Customer", "CustomerList", "DeletedCustomer",
                "Problem", "FieldError", "CreateCustomerRequest", "UpdateCustomerRequest", "ApiKey", "MetadataValue");
    }

    @Test
    void operationIdsFitSdkGeneration() {
        Set<String> ids = new TreeSet<>();
        document().getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));

        assertThat(ids).contains("createCustomer", "getCustomer", "updateCustomer", "listCustomers", "deleteCustomer",
                "createApiKey", "listApiKeys", "revokeApiKey", "createTenant");
    }

    @Test
    void everyRouteTheServerExposesIsInTheDocument() {
        OpenAPI document = document();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).isNotEmpty();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            // Micronaut answers HEAD for every GET route; HTTP defines HEAD by GET, so GET documents both
            HttpMethod method = route.getHttpMethod() == HttpMethod.HEAD ? HttpMethod.GET : route.getHttpMethod();
            PathItem item = document.getPaths().get(path);
            assertThat(item).as("path %s of route %s %s", path, method, route).isNotNull();
            assertThat(item.readOperationsMap().keySet().stream().map(m -> m.name().toUpperCase(Locale.ROOT)))
                    .as("%s %s", method, path).contains(method.name());
        }
    }

    @Test
    void theDocumentStatesTheGuidesLimitsAndExamples() {
        OpenAPI document = document();
        var create = document.getComponents().getSchemas().get("CreateCustomerRequest");

        assertThat(create.getRequired()).containsExactlyInAnyOrder("email", "name");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("name")).getMaxLength()).isEqualTo(200);
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("email")).getExample())
                .isEqualTo("sarah@kampaltech.ug");
        var limit = document.getPaths().get("/api/customers").getGet().getParameters().stream()
                .filter(p -> p.getName().equals("limit")).findFirst().orElseThrow();
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("100");
        assertThat(document.getPaths().get("/api/customers/{id}").getDelete().getResponses()).containsKeys("200", "404", "401");
    }

    @Test
    void theReferencePageLoadsItsAssetsFromThisServer() {
        ApiResponse page = api.withoutKey().get("/api/reference");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/api/reference/page/reference.js").doesNotContain("https://")
                .doesNotContain("http://");
        assertThat(api.withoutKey().get("/api/reference/page/reference.js").body()).contains("/api/openapi.yml")
                .doesNotContain("https://").doesNotContain("http://");
        for (String asset : List.of("/api/reference/assets/swagger-ui-bundle.js", "/api/reference/assets/swagger-ui.css")) {
            ApiResponse response = api.withoutKey().get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.body().length()).as(asset).isGreaterThan(10_000);
        }
    }

    @Test
    void responsesAreValidatedAgainstTheDocument() {
        ApiResponse created = api.post("/api/customers", "{\"email\":\"contract@x.io\",\"name\":\"Contract\",\"metadata\":{\"n\":1,\"b\":true,\"s\":\"x\"}}");
        assertThat(created.status()).isEqualTo(201);

        var validator = OpenApiContract.forServer(server.getURI());
        var report = validator.validateResponse("/api/customers", com.atlassian.oai.validator.model.Request.Method.POST,
                com.atlassian.oai.validator.model.SimpleResponse.Builder.status(201)
                        .withContentType("application/json").withBody("{\"id\":42}").build());
        assertThat(report.hasErrors()).as("a wrong body is reported").isTrue();
        assertThat(report.getMessages()).extracting(m -> m.getKey()).isNotEmpty();
    }
}
