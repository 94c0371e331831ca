package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/**
 * The request bodies of the events and webhooks API as the OpenAPI document describes them; the controllers
 * read these bodies as JSON trees and report every bad field themselves, on the domain's rules.
 */
public final class WebhookRequestSchemas {

    private WebhookRequestSchemas() {
    }

    static final String WEBHOOK_URL = "https URL the events are POSTed to, at most 2,048 characters; it must not resolve to "
            + "a loopback, private, link-local or cloud-metadata address (unless the service runs with "
            + "NOVABILLING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true, which also allows http)";

    @Schema(name = "CreateWebhookEndpointRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record CreateWebhookEndpoint(
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2048, format = "uri", description = WEBHOOK_URL,
                    example = "https://erp.kampaltech.ug/novabilling/webhooks")
            String url,
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "Event types to receive, or [\"*\"] for all (also types added later)"),
                    minItems = 1, maxItems = 20,
                    schema = @Schema(type = "string", allowableValues = {"*", "customer.created", "customer.updated",
                            "customer.deleted"}))
            List<String> events,
            @Schema(maxLength = 500, nullable = true, example = "ERP sync") String description) {
    }

    @Schema(name = "UpdateWebhookEndpointRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record UpdateWebhookEndpoint(
            @Schema(maxLength = 2048, format = "uri", description = WEBHOOK_URL) String url,
            @ArraySchema(arraySchema = @Schema(description = "Event types to receive, or [\"*\"] for all"),
                    minItems = 1, maxItems = 20,
                    schema = @Schema(type = "string", allowableValues = {"*", "customer.created", "customer.updated",
                            "customer.deleted"}))
            List<String> events,
            @Schema(maxLength = 500, nullable = true, description = "null clears it") String description,
            @Schema(description = "false stops deliveries (pending ones fail); true starts them again") Boolean enabled) {
    }

    @Schema(name = "RedeliverEventRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record RedeliverEvent(
            @Schema(nullable = true, description = "Only to this endpoint; absent: every enabled endpoint subscribed to "
                    + "the event's type", example = "we_01jq3v6x9c4m2k8d7f5h1n0p2r")
            String endpointId) {
    }
}
