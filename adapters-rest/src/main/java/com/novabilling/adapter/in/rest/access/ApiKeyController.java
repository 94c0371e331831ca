package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.json.JsonBodies;
import com.novabilling.application.port.in.access.CreateApiKeyUseCase;
import com.novabilling.application.port.in.access.ListApiKeysQuery;
import com.novabilling.application.port.in.access.RevokeApiKeyUseCase;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;

/** {@code /api/tenants/me/api-keys}: the calling tenant's keys. The secret is shown once, at creation. */
@Controller(ApiKeyController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
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
    public HttpResponse<ApiKeyResponse> create(ApiPrincipal principal, @Body @Nullable byte[] body) {
        IssuedApiKey issued = createApiKey.create(ApiKeyRequests.toCreateCommand(principal, JsonBodies.parse(body)));
        return HttpResponse.created(ApiKeyResponse.created(issued), URI.create(PATH + "/" + issued.key().id().value()));
    }

    @Get
    @RequiresScope(Scope.API_KEYS_READ)
    public ApiKeyResponse.ListResponse list(ApiPrincipal principal) {
        return new ApiKeyResponse.ListResponse(
                listApiKeys.list(principal.tenantId()).stream().map(ApiKeyResponse::from).toList());
    }

    @Delete("/{id}")
    @RequiresScope(Scope.API_KEYS_WRITE)
    public ApiKeyResponse revoke(ApiPrincipal principal, @PathVariable String id) {
        ApiKeyId keyId = ApiKeyId.parse(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        return ApiKeyResponse.from(revokeApiKey.revoke(principal.tenantId(), keyId));
    }
}
