package com.novabilling.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.error.ErrorCode;
import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonBodies;
import com.novabilling.adapter.in.rest.json.JsonFields;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.application.port.in.access.CreateTenantUseCase;
import com.novabilling.application.port.in.access.ProvisionedTenant;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import com.novabilling.adapter.in.rest.openapi.RequestSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code POST /api/admin/tenants}: operators open tenants. Authenticated by
 * {@code Authorization: Bearer <NOVABILLING_ADMIN_TOKEN>} (compared in constant time); while no token is
 * configured the route answers 404 as if it did not exist.
 */
@Controller("/api/admin/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@ApiResponse(responseCode = "404", description = "not_found: no operator token is configured",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ProblemResponses
public class AdminTenantController {

    static final String ADMIN_TOKEN = "adminToken";

    private final CreateTenantUseCase createTenant;
    private final byte[] adminToken;

    public AdminTenantController(CreateTenantUseCase createTenant,
                                 @Value("${novabilling.admin-token:}") String adminToken) {
        this.createTenant = createTenant;
        this.adminToken = adminToken.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Post
    @SecurityRequirements(@SecurityRequirement(name = AdminTenantController.ADMIN_TOKEN))
    @Operation(operationId = "createTenant", summary = "Create a tenant (operators)",
            description = "Opens a tenant and its first API key, holding every scope. Authenticated by the operator token "
                    + "NOVABILLING_ADMIN_TOKEN; answers 404 while none is configured.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RequestSchemas.CreateTenant.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "The tenant and its first key, with its secret",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = CreatedTenantResponse.class)))})
    public HttpResponse<?> create(@Parameter(hidden = true) HttpRequest<?> request,
                                  @Parameter(hidden = true) @Body @Nullable byte[] body) {
        if (adminToken.length == 0) {
            return Problems.response(ErrorCode.NOT_FOUND, "No route matches POST /api/admin/tenants.", request);
        }
        if (!presentsAdminToken(request)) {
            return Problems.response(ErrorCode.UNAUTHORIZED, UnauthorizedException.DETAIL, request)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"novabilling-admin\"");
        }
        var object = JsonFields.requireObject(JsonBodies.parse(body));
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, Set.of("name", "defaultCurrency"), Set.of("id", "status", "createdAt"),
                violations);
        String name = JsonFields.requiredString(object, "name", Tenant::validName, violations);
        CurrencyCode currency = JsonFields.string(object, "defaultCurrency",
                raw -> Violations.as("defaultCurrency", () -> CurrencyCode.of(raw)), violations);
        violations.throwIfAny();
        ProvisionedTenant provisioned = createTenant.create(name, currency);
        return HttpResponse.created(new CreatedTenantResponse(TenantResponse.from(provisioned.tenant()),
                ApiKeyResponse.created(provisioned.apiKey())));
    }

    private boolean presentsAdminToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(adminToken, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Tenant")
    public record TenantResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "ten_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Kampala Tech Ltd") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "UGX") String defaultCurrency,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"active", "suspended"}) String status,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt) {
        static TenantResponse from(Tenant tenant) {
            return new TenantResponse(tenant.id().value(), tenant.name(), tenant.defaultCurrency().value(),
                    tenant.status().wireName(), Timestamps.format(tenant.createdAt()));
        }
    }

    @Serdeable
    @Schema(name = "CreatedTenant")
    public record CreatedTenantResponse(@Schema(requiredMode = RequiredMode.REQUIRED) TenantResponse tenant, @Schema(requiredMode = RequiredMode.REQUIRED) ApiKeyResponse apiKey) {
    }
}
