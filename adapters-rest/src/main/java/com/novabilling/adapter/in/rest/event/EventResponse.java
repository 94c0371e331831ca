package com.novabilling.adapter.in.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.customer.CustomerResponse;
import com.novabilling.adapter.in.rest.openapi.PreviousAttributes;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/**
 * An event as the events API shows it and webhooks send it (the same bytes: the document is rendered once,
 * by {@link EventDocuments}, when the change is made).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Event", description = "Something that happened to your data; sent to webhook endpoints as the request body")
public record EventResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^evt_[0-9a-hjkmnp-tv-z]{26}$",
                description = "Unique; receivers dedupe deliveries on it", example = "evt_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"customer.created", "customer.updated", "customer.deleted"})
        String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2025-03-01T10:00:00.000Z") String createdAt,
        @io.micronaut.core.annotation.NonNull Data data) {

    /**
     * {@code object} (the customer exactly as {@code GET /api/customers/{id}} showed it when the event happened; for
     * customer.deleted just before the delete) always; the other fields only for the types that carry them.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EventData", description = "object: the customer exactly as GET /api/customers/{id} showed it "
            + "when the event happened (for customer.deleted: just before the delete)")
    public record Data(
            @io.micronaut.core.annotation.NonNull CustomerResponse object,
            @Schema(name = "previousAttributes", implementation = PreviousAttributes.class) JsonNode previousAttributes,
            @Schema(minimum = "0", description = "customer.deleted only: active subscriptions canceled by the delete")
            Integer canceledSubscriptions,
            @Schema(minimum = "0", description = "customer.deleted only: unpaid invoices voided by the delete")
            Integer voidedInvoices) {
    }

    /** A page of events, newest first; for the OpenAPI document (the answer is assembled from stored documents). */
    @Serdeable
    @Schema(name = "EventList")
    public record ListResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED) List<EventResponse> data,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "More, older events: pass the last id as startingAfter")
            boolean hasMore) {
    }
}
