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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document: public, complete (every route the server has), and its reference page works offline. */
@MicronautTest(transactional = false, environments = "postgres")
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

    /** What generated clients need (issue 13): see GeneratedClientsEndToEndTest for the clients themselves. */
    @Test
    void theDocumentGeneratesWorkingClients() {
        OpenAPI document = document();
        assertThat(document.getServers()).extracting(io.swagger.v3.oas.models.servers.Server::getUrl)
                .as("relative, so pages and clients follow the host they were served from").containsExactly("/");

        var schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes).containsOnlyKeys("bearerAuth", "adminToken");
        assertThat(schemes.get("bearerAuth").getType()).isEqualTo(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP);
        assertThat(schemes.get("adminToken").getType())
                .as("not a second bearer scheme, which setBearerToken could pick")
                .isEqualTo(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY);
        assertThat(document.getPaths().get("/api/admin/tenants").getPost().getSecurity())
                .extracting(r -> r.keySet()).containsExactly(java.util.Set.of("adminToken"));
        for (String open : List.of("/api/openapi.yml", "/api/reference", "/health")) {
            assertThat(document.getPaths().get(open).getGet().getSecurity()).as(open).isEmpty();
        }

        assertThat(document.getComponents().getSchemas().keySet())
                .as("no Java class names, no duplicates").allMatch(name -> name.matches("[A-Z][A-Za-z]+"))
                .doesNotContain("ApiKeyResponse", "TenantResponse").contains("Tenant", "Metadata");
        var customerMetadata = (io.swagger.v3.oas.models.media.Schema<?>) document.getComponents().getSchemas()
                .get("Customer").getProperties().get("metadata");
        assertThat(customerMetadata.get$ref()).isEqualTo("#/components/schemas/Metadata");
        var update = document.getComponents().getSchemas().get("UpdateCustomerRequest");
        assertThat(update.getRequired()).as("every PATCH field optional").isNullOrEmpty();
        var updateMetadata = (io.swagger.v3.oas.models.media.Schema<?>) update.getProperties().get("metadata");
        assertThat(updateMetadata.getNullable()).as("clients default an unset map to null, not {}").isTrue();

        // one example per error status, carrying that status and a code of that status
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().forEach((status, response) -> {
                    if (!status.startsWith("4") && !status.startsWith("5") || response.getContent() == null) {
                        return;
                    }
                    var problem = response.getContent().get("application/problem+json");
                    if (problem == null) {
                        return;
                    }
                    assertThat(problem.getExamples()).as("%s %s %s", method, path, status).hasSize(1);
                    Map<String, Object> example = asMap(problem.getExamples().values().iterator().next().getValue());
                    assertThat(example.get("status")).as("%s %s %s", method, path, status)
                            .isEqualTo(Integer.parseInt(status));
                    assertThat(example.get("type")).isEqualTo("https://docs.novabilling.dev/errors/" + example.get("code"));
                })));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object exampleValue) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            return mapper.readValue(exampleValue instanceof String text ? text : mapper.writeValueAsString(exampleValue),
                    Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void operationIdsFitSdkGeneration() {
        Set<String> ids = new TreeSet<>();
        document().getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));

        assertThat(ids).contains("createCustomer", "getCustomer", "updateCustomer", "listCustomers", "deleteCustomer",
                "createApiKey", "listApiKeys", "revokeApiKey", "createTenant");
    }

    @Test
    void theDocumentCoversEventsWebhooksAndTheEventSchema() {
        var document = document();
        assertThat(document.getPaths()).containsKeys("/api/events", "/api/events/{id}", "/api/events/{id}/redeliver",
                "/api/webhook-endpoints", "/api/webhook-endpoints/{id}", "/api/webhook-endpoints/{id}/rotate-secret",
                "/api/webhook-endpoints/{id}/deliveries");
        assertThat(document.getPaths().get("/api/events").getGet().getOperationId()).isEqualTo("listEvents");
        assertThat(document.getPaths().get("/api/events/{id}").getGet().getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/Event");
        var event = document.getComponents().getSchemas().get("Event");
        assertThat(event.getRequired()).containsExactlyInAnyOrder("id", "type", "createdAt", "data");
        @SuppressWarnings("unchecked") var type = (io.swagger.v3.oas.models.media.Schema<Object>) event.getProperties().get("type");
        assertThat(type.getEnum()).containsExactly("customer.created", "customer.updated", "customer.deleted");
        var data = document.getComponents().getSchemas().get("EventData");
        assertThat(data.getRequired()).containsExactly("object");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) data.getProperties().get("object")).get$ref())
                .isEqualTo("#/components/schemas/Customer");
        assertThat(data.getProperties()).containsKeys("previousAttributes", "canceledSubscriptions", "voidedInvoices");
        assertThat(document.getComponents().getSchemas()).containsKeys("WebhookEndpoint", "WebhookDeliveryAttempt",
                "CreateWebhookEndpointRequest", "EventList");
        assertThat(document.getPaths().get("/api/webhook-endpoints").getPost().getResponses()).containsKeys("201", "400", "409");
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
