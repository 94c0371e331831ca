package com.novabilling.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import com.novabilling.application.port.in.access.CreateTenantUseCase;
import com.novabilling.application.port.in.access.ProvisionedTenant;
import com.novabilling.application.port.in.access.SetTenantRateLimitUseCase;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantNotFoundException;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/admin/tenants}: operators open tenants; {@code PATCH /api/admin/tenants/{id}} sets a
 * tenant's rate limit. Authenticated by {@code Authorization: Bearer <NOVABILLING_ADMIN_TOKEN>} in
 * {@link AdminAuthenticationFilter} (404 while no token is configured, 401 for a wrong one), before a body is
 * read.
 */
@Controller("/api/admin/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@ApiResponse(responseCode = "404", description = "not_found: no operator token is configured",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "not_found", value = ProblemExamples.NOT_FOUND)))
@ProblemResponses
public class AdminTenantController {

    static final String ADMIN_TOKEN = "adminToken";

    private final CreateTenantUseCase createTenant;
    private final SetTenantRateLimitUseCase setRateLimit;

    public AdminTenantController(CreateTenantUseCase createTenant, SetTenantRateLimitUseCase setRateLimit) {
        this.createTenant = createTenant;
        this.setRateLimit = setRateLimit;
    }

    @Post
    @SecurityRequirements(@SecurityRequirement(name = AdminTenantController.ADMIN_TOKEN))
    @Operation(operationId = "createTenant", summary = "Create a tenant (operators)",
            description = "Opens a tenant and its first API key, holding every scope. Authenticated by the operator token "
                    + "NOVABILLING_ADMIN_TOKEN; answers 404 while none is configured.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CreateTenantRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "The tenant and its first key, with its secret",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = CreatedTenantResponse.class)))})
    public HttpResponse<CreatedTenantResponse> create(@Parameter(hidden = true) @Body @Valid CreateTenantRequest body) {
        CreateTenantRequest.Validated tenant = body.validated();
        ProvisionedTenant provisioned = createTenant.create(tenant.name(), tenant.defaultCurrency());
        return HttpResponse.created(new CreatedTenantResponse(TenantResponse.from(provisioned.tenant()),
                ApiKeyResponse.created(provisioned.apiKey())));
    }

    @Patch("/{tenantId}")
    @SecurityRequirements(@SecurityRequirement(name = AdminTenantController.ADMIN_TOKEN))
    @Operation(operationId = "updateTenant", summary = "Set a tenant's rate limit (operators)",
            description = "Gives every API key of the tenant its own token bucket: rateLimit.perSecond requests a "
                    + "second sustained, bursts of rateLimit.burst; rateLimit null goes back to the service's "
                    + "default (NOVABILLING_RATE_LIMIT_PER_SECOND / NOVABILLING_RATE_LIMIT_BURST). Applies from the "
                    + "next request on this instance, within NOVABILLING_API_KEY_CACHE_TTL on others. Authenticated "
                    + "by the operator token; answers 404 while none is configured.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = UpdateTenantRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The tenant as stored",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = TenantResponse.class))),
                    @ApiResponse(responseCode = "404", description = "tenant_not_found, or not_found: no operator "
                            + "token is configured",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON,
                                    schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "tenant_not_found",
                                            value = ProblemExamples.TENANT_NOT_FOUND)))})
    public TenantResponse update(@Parameter(description = "Tenant id", example = "ten_01jq3v6x9c4m2k8d7f5h1n0p2r")
                                 String tenantId,
                                 @Parameter(hidden = true) @Body @Valid UpdateTenantRequest body) {
        RateLimit rateLimit = body.toRateLimit();
        return setRateLimit.setRateLimit(tenantIdOf(tenantId), rateLimit)
                .map(TenantResponse::from)
                .orElseThrow(TenantNotFoundException::new);
    }

    /** A malformed id names no tenant: answered like an unknown one, 404 {@code tenant_not_found}. */
    private static TenantId tenantIdOf(String raw) {
        try {
            return new TenantId(raw);
        } catch (RuntimeException invalid) {
            throw new TenantNotFoundException();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Tenant")
    public record TenantResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "ten_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Kampala Tech Ltd") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "UGX") String defaultCurrency,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"active", "suspended"}) String status,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt,
            // no @Schema here: one on the component would rename the referenced schema after the Java class
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RateLimitBody rateLimit) {
        static TenantResponse from(Tenant tenant) {
            return new TenantResponse(tenant.id().value(), tenant.name(), tenant.defaultCurrency().value(),
                    tenant.status().wireName(), Timestamps.format(tenant.createdAt()),
                    tenant.rateLimit().map(RateLimitBody::from).orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "RateLimit", description = "A token bucket per API key, per instance of the service. On a "
            + "tenant: its own limit per API key; absent there, the service's default applies")
    public record RateLimitBody(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "100000", example = "100",
                    description = "Requests a second, sustained") long perSecond,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "1000000", example = "200",
                    description = "Requests at once after a pause (the bucket's size)") long burst) {
        static RateLimitBody from(RateLimit limit) {
            return new RateLimitBody(limit.perSecond(), limit.burst());
        }
    }

    @Serdeable
    @Schema(name = "CreatedTenant")
    public record CreatedTenantResponse(@NotNull TenantResponse tenant, @NotNull ApiKeyResponse apiKey) {
    }
}
