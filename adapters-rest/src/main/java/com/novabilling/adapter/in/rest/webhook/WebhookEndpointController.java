package com.novabilling.adapter.in.rest.webhook;

import com.novabilling.adapter.in.rest.access.ApiPrincipal;
import com.novabilling.adapter.in.rest.access.RequiresScope;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.event.Paging;
import com.novabilling.adapter.in.rest.json.JsonRequestReader;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.DeleteWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.GetWebhookEndpointQuery;
import com.novabilling.application.port.in.webhook.ListDeliveryAttemptsQuery;
import com.novabilling.application.port.in.webhook.RotateWebhookSecretUseCase;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointUseCase;
import com.novabilling.application.port.shared.webhook.AttemptPage;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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

/**
 * {@code /api/webhook-endpoints}: where a tenant's events are POSTed, signed with the endpoint's secret, and
 * what came of each attempt.
 */
@Controller(WebhookEndpointController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "403", description = "forbidden: the key lacks the scope this operation needs",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@ProblemResponses
public class WebhookEndpointController {

    static final String PATH = "/api/webhook-endpoints";
    private static final String ID_DESCRIPTION = "The endpoint's id (we_...). Another tenant's id or a malformed one answers 404.";

    private final CreateWebhookEndpointUseCase create;
    private final GetWebhookEndpointQuery get;
    private final UpdateWebhookEndpointUseCase update;
    private final DeleteWebhookEndpointUseCase delete;
    private final RotateWebhookSecretUseCase rotate;
    private final ListDeliveryAttemptsQuery attempts;

    public WebhookEndpointController(CreateWebhookEndpointUseCase create, GetWebhookEndpointQuery get,
                                     UpdateWebhookEndpointUseCase update, DeleteWebhookEndpointUseCase delete,
                                     RotateWebhookSecretUseCase rotate, ListDeliveryAttemptsQuery attempts) {
        this.create = create;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.rotate = rotate;
        this.attempts = attempts;
    }

    @Post
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "createWebhookEndpoint", summary = "Create a webhook endpoint",
            description = "The answer holds the signing secret, once. The URL is refused (400) when it is not https or "
                    + "resolves to a loopback, private, link-local or metadata address. Scope webhooks:write.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreateWebhookEndpointRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Created, with its secret",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.class))),
                    @ApiResponse(responseCode = "409", description = "webhook_endpoint_limit_reached (16 per tenant)",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_limit_reached", value = ProblemExamples.WEBHOOK_ENDPOINT_LIMIT_REACHED)))})
    public HttpResponse<WebhookEndpointResponse> create(@Parameter(hidden = true) ApiPrincipal principal,
                                                        @Parameter(hidden = true) @Body @Valid CreateWebhookEndpointRequest body) {
        WebhookEndpoint created = create.create(body.toCommand(principal.tenantId()));
        return HttpResponse.created(WebhookEndpointResponse.withSecret(created),
                URI.create(PATH + "/" + created.id().value()));
    }

    @Get
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(operationId = "listWebhookEndpoints", summary = "List your webhook endpoints",
            description = "Newest first; never a secret. Scope webhooks:read.",
            responses = @ApiResponse(responseCode = "200", description = "Your endpoints",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointResponse.ListResponse.class))))
    public WebhookEndpointResponse.ListResponse list(@Parameter(hidden = true) ApiPrincipal principal) {
        return new WebhookEndpointResponse.ListResponse(
                get.list(principal.tenantId()).stream().map(WebhookEndpointResponse::from).toList());
    }

    @Get("/{id}")
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint", description = "Scope webhooks:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The endpoint, without its secret",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.class))),
                    @ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_not_found", value = ProblemExamples.WEBHOOK_ENDPOINT_NOT_FOUND)))})
    public WebhookEndpointResponse get(@Parameter(hidden = true) ApiPrincipal principal,
                                       @Parameter(description = ID_DESCRIPTION) @PathVariable String id) {
        return WebhookEndpointResponse.from(get.get(principal.tenantId(), endpointId(id)));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, JsonRequestReader.MERGE_PATCH_JSON})
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "updateWebhookEndpoint", summary = "Update a webhook endpoint",
            description = "Only the fields present change: url (checked like at create), events, description (null clears "
                    + "it), enabled. Scope webhooks:write.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UpdateWebhookEndpointRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The updated endpoint",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.class))),
                    @ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_not_found", value = ProblemExamples.WEBHOOK_ENDPOINT_NOT_FOUND)))})
    public WebhookEndpointResponse update(@Parameter(hidden = true) ApiPrincipal principal,
                                          @Parameter(description = ID_DESCRIPTION) @PathVariable String id,
                                          @Parameter(hidden = true) @Body @Valid UpdateWebhookEndpointRequest body) {
        WebhookEndpointId endpointId = endpointId(id);
        return WebhookEndpointResponse.from(update.update(body.toCommand(principal.tenantId(), endpointId)));
    }

    @Delete("/{id}")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Its pending deliveries and its attempt history go with it. Scope webhooks:write.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Deleted",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.Deleted.class))),
                    @ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_not_found", value = ProblemExamples.WEBHOOK_ENDPOINT_NOT_FOUND)))})
    public WebhookEndpointResponse.Deleted delete(@Parameter(hidden = true) ApiPrincipal principal,
                                                  @Parameter(description = ID_DESCRIPTION) @PathVariable String id) {
        return new WebhookEndpointResponse.Deleted(delete.delete(principal.tenantId(), endpointId(id)).id().value(), true);
    }

    @Post("/{id}/rotate-secret")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "rotateWebhookSecret", summary = "Issue a new signing secret",
            description = "The old secret stops signing at once; the answer holds the new one, once. Scope webhooks:write.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The endpoint with its new secret",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.class))),
                    @ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_not_found", value = ProblemExamples.WEBHOOK_ENDPOINT_NOT_FOUND)))})
    public WebhookEndpointResponse rotateSecret(@Parameter(hidden = true) ApiPrincipal principal,
                                                @Parameter(description = ID_DESCRIPTION) @PathVariable String id) {
        return WebhookEndpointResponse.withSecret(rotate.rotate(principal.tenantId(), endpointId(id)));
    }

    @Get("/{id}/deliveries")
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(operationId = "listWebhookDeliveries", summary = "List delivery attempts",
            description = "Every attempt to send an event to this endpoint, newest first: time, status code, duration, "
                    + "error, next retry. Scope webhooks:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A page of attempts",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = WebhookEndpointResponse.AttemptList.class))),
                    @ApiResponse(responseCode = "404", description = "webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_not_found", value = ProblemExamples.WEBHOOK_ENDPOINT_NOT_FOUND)))})
    public WebhookEndpointResponse.AttemptList deliveries(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = ID_DESCRIPTION) @PathVariable String id,
            @Parameter(description = "Attempts per page", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryValue @Nullable String limit,
            @Parameter(description = "Only attempts older than this one (the last id of the previous page)",
                    schema = @Schema(type = "string", pattern = "^wha_[0-9a-hjkmnp-tv-z]{26}$"))
            @QueryValue @Nullable String startingAfter) {
        WebhookEndpointId endpointId = endpointId(id);
        Violations violations = new Violations();
        int pageSize = Paging.limit(limit, violations);
        AttemptId cursor = Paging.cursor(startingAfter, AttemptId::parse, AttemptId.PREFIX, violations);
        violations.throwIfAny();
        AttemptPage page = attempts.list(principal.tenantId(), endpointId, cursor, pageSize);
        return new WebhookEndpointResponse.AttemptList(
                page.data().stream().map(WebhookEndpointResponse.Attempt::from).toList(), page.hasMore());
    }

    private static WebhookEndpointId endpointId(String raw) {
        return WebhookEndpointId.parse(raw).orElseThrow(() -> new WebhookEndpointNotFoundException(raw));
    }
}
