package com.novabilling.adapter.in.rest.event;

import com.novabilling.adapter.in.rest.access.ApiPrincipal;
import com.novabilling.adapter.in.rest.access.RequiresScope;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequestReader;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import com.novabilling.application.port.in.event.GetEventQuery;
import com.novabilling.application.port.in.event.ListEventsQuery;
import com.novabilling.application.port.in.event.RedeliverEventUseCase;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.event.EventPage;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /api/events}: the tenant's events, newest first, and redelivery. An event's JSON is stored as it was
 * rendered when the change happened and served as those very bytes (also inside a list), so the events API and
 * the webhooks can never disagree.
 */
@Controller(EventController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
@ApiResponse(responseCode = "403", description = "forbidden: the key lacks the scope this operation needs",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@ProblemResponses
public class EventController {

    static final String PATH = "/api/events";
    private static final String ID_DESCRIPTION = "The event's id (evt_...). Another tenant's id or a malformed one answers 404.";

    private final ListEventsQuery listEvents;
    private final GetEventQuery getEvent;
    private final RedeliverEventUseCase redeliver;
    private final JsonRequestReader<?> requests;

    public EventController(ListEventsQuery listEvents, GetEventQuery getEvent, RedeliverEventUseCase redeliver,
                           JsonRequestReader<?> requests) {
        this.listEvents = listEvents;
        this.getEvent = getEvent;
        this.redeliver = redeliver;
        this.requests = requests;
    }

    @Get
    @RequiresScope(Scope.EVENTS_READ)
    @Operation(operationId = "listEvents", summary = "List events",
            description = "Newest first, kept 30 days (NOVABILLING_EVENT_RETENTION). Page with startingAfter = the last id "
                    + "of the previous page. Scope events:read.",
            responses = @ApiResponse(responseCode = "200", description = "A page of events",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventResponse.ListResponse.class))))
    public HttpResponse<String> list(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = "Events per page", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryValue @Nullable String limit,
            @Parameter(description = "Only events older than this one (the last id of the previous page)",
                    schema = @Schema(type = "string", pattern = "^evt_[0-9a-hjkmnp-tv-z]{26}$"))
            @QueryValue @Nullable String startingAfter,
            @Parameter(description = "Only events of this type",
                    schema = @Schema(type = "string", allowableValues = {"customer.created", "customer.updated", "customer.deleted"}))
            @QueryValue @Nullable String type) {
        Violations violations = new Violations();
        int pageSize = Paging.limit(limit, violations);
        EventId cursor = Paging.cursor(startingAfter, EventId::parse, EventId.PREFIX, violations);
        EventType eventType = null;
        if (type != null && !type.isEmpty()) {
            eventType = EventType.fromWire(type).orElse(null);
            if (eventType == null) {
                violations.add("type", "must be one of " + EventType.wireNames());
            }
        }
        violations.throwIfAny();
        EventPage page = listEvents.list(new EventListCriteria(principal.tenantId(), eventType, cursor, pageSize));
        String body = page.data().stream().map(Event::body).collect(Collectors.joining(",", "{\"data\":[",
                "],\"hasMore\":" + page.hasMore() + "}"));
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/{id}")
    @RequiresScope(Scope.EVENTS_READ)
    @Operation(operationId = "getEvent", summary = "Get an event", description = "Scope events:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The event, exactly as webhooks send it",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = EventResponse.class))),
                    @ApiResponse(responseCode = "404", description = "event_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "event_not_found", value = ProblemExamples.EVENT_NOT_FOUND)))})
    public HttpResponse<String> get(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = ID_DESCRIPTION, example = "evt_01jq3v6x9c4m2k8d7f5h1n0p2r") @PathVariable String id) {
        Event event = getEvent.get(principal.tenantId(), eventId(id));
        return HttpResponse.ok(event.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/{id}/redeliver")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "redeliverEvent", summary = "Send an event again",
            description = "Queues a new delivery (with a new retry window) to the given endpoint, which must be enabled "
                    + "(it need not be subscribed to the type), or without a body to every enabled endpoint subscribed to "
                    + "its type. Scope webhooks:write.",
            requestBody = @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RedeliverEventRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Queued",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = RedeliveryResponse.class))),
                    @ApiResponse(responseCode = "404", description = "event_not_found or webhook_endpoint_not_found",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "event_not_found", value = ProblemExamples.EVENT_NOT_FOUND))),
                    @ApiResponse(responseCode = "409", description = "webhook_endpoint_disabled",
                            content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "webhook_endpoint_disabled", value = ProblemExamples.WEBHOOK_ENDPOINT_DISABLED)))})
    public HttpResponse<RedeliveryResponse> redeliver(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = ID_DESCRIPTION) @PathVariable String id,
            @Parameter(hidden = true) @Body @Nullable byte[] body) {
        EventId eventId = eventId(id);
        WebhookEndpointId endpoint = null;
        // the body is optional, so it is read here (by the reader every request record goes through) only when sent
        if (body != null && body.length > 0) {
            String raw = requests.read(Argument.of(RedeliverEventRequest.class), body).endpointId();
            if (raw != null) {
                endpoint = WebhookEndpointId.parse(raw).orElseThrow(() -> new WebhookEndpointNotFoundException(raw));
            }
        }
        List<WebhookEndpointId> queued = redeliver.redeliver(principal.tenantId(), eventId, endpoint);
        return HttpResponse.<RedeliveryResponse>status(HttpStatus.ACCEPTED)
                .body(new RedeliveryResponse(eventId.value(), queued.stream().map(WebhookEndpointId::value).toList()));
    }

    /** What a redelivery queued. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    @Schema(name = "EventRedelivery")
    public record RedeliveryResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED) String eventId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The endpoints a delivery was queued for (may be empty)")
            List<String> endpoints) {
    }

    /** A malformed id is answered exactly like a missing event: 404 {@code event_not_found}. */
    private static EventId eventId(String raw) {
        return EventId.parse(raw).orElseThrow(() -> new EventNotFoundException(raw));
    }
}
