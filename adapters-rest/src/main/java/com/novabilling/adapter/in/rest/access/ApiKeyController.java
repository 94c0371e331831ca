package com.novabilling.adapter.in.rest.access;

import com.novabilling.application.port.in.access.CreateApiKeyUseCase;
import com.novabilling.application.port.in.access.ListApiKeysQuery;
import com.novabilling.application.port.in.access.RevokeApiKeyUseCase;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;

import java.net.URI;

/** {@code /api/tenants/me/api-keys}: the calling tenant's keys. The secret is shown once, at creation. */
@Controller(ApiKeyController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "api-keys")
@ApiResponse(responseCode = "403", description = "forbidden: the key lacks the scope this operation needs",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@ProblemResponses
public class ApiKeyController {

    static final String PATH = "/api/tenants/me/api-keys";

    private final CreateApiKeyUseCase createApiKey;
    private final ListApiKeysQuery listApiKeys;
    private final RevokeApiKeyUseCase revokeApiKey;

    public ApiKeyController(CreateApiKeyUseCase createApiKey, ListApiKeysQuery listApiKeys,
                            RevokeApiKeyUseCase revokeApiKey) {
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
    }

    @Post
    @RequiresScope(Scope.API_KEYS_WRITE)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The answer holds the secret, once. A key can grant only scopes it holds. Scope api_keys:write.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreateApiKeyRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Created, with its secret",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ApiKeyResponse.class)))})
    public HttpResponse<ApiKeyResponse> create(@Parameter(hidden = true) ApiPrincipal principal,
                                               @Parameter(hidden = true) @Body @Valid CreateApiKeyRequest body) {
        IssuedApiKey issued = createApiKey.create(body.toCommand(principal));
        return HttpResponse.created(ApiKeyResponse.created(issued), URI.create(PATH + "/" + issued.key().id().value()));
    }

    @Get
    @RequiresScope(Scope.API_KEYS_READ)
    @Operation(operationId = "listApiKeys", summary = "List your API keys",
            description = "Newest first, revoked ones included; never a secret. Scope api_keys:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Your keys",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ApiKeyResponse.ListResponse.class)))})
    public ApiKeyResponse.ListResponse list(@Parameter(hidden = true) ApiPrincipal principal) {
        return new ApiKeyResponse.ListResponse(
                listApiKeys.list(principal.tenantId()).stream().map(ApiKeyResponse::from).toList());
    }

    @Delete("/{id}")
    @RequiresScope(Scope.API_KEYS_WRITE)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "It stops working at once on this instance, within the key cache TTL on others. Scope api_keys:write.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The revoked key",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ApiKeyResponse.class))),
                    @ApiResponse(responseCode = "404", description = "api_key_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "api_key_not_found", value = ProblemExamples.API_KEY_NOT_FOUND)))})
    public ApiKeyResponse revoke(@Parameter(hidden = true) ApiPrincipal principal,
                                 @Parameter(description = "The key's id (key_...)") @PathVariable String id) {
        ApiKeyId keyId = ApiKeyId.parse(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        return ApiKeyResponse.from(revokeApiKey.revoke(principal.tenantId(), keyId));
    }
}
