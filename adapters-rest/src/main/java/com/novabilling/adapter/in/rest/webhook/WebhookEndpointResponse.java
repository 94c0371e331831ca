package com.novabilling.adapter.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/** A webhook endpoint on the wire; the signing secret only in the answers of create and rotate-secret. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WebhookEndpoint")
public record WebhookEndpointResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^we_[0-9a-hjkmnp-tv-z]{26}$", example = "we_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", example = "https://erp.kampaltech.ug/novabilling/webhooks") String url,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Event types it receives, or [\"*\"]") List<String> events,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, example = "ERP sync") String description,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "false after a 410 Gone answer or a PATCH") boolean enabled,
        @Schema(description = "The signing secret (whsec_...): in the answers of create and rotate-secret only, never again")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String updatedAt) {

    public static WebhookEndpointResponse from(WebhookEndpoint endpoint) {
        return from(endpoint, null);
    }

    public static WebhookEndpointResponse withSecret(WebhookEndpoint endpoint) {
        return from(endpoint, endpoint.secret().value());
    }

    private static WebhookEndpointResponse from(WebhookEndpoint e, String secret) {
        return new WebhookEndpointResponse(e.id().value(), e.url().value(), e.events().wireNames(),
                e.description().orElse(null), e.enabled(), secret, Timestamps.format(e.createdAt()),
                Timestamps.format(e.updatedAt()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookEndpointList")
    public record ListResponse(@Schema(requiredMode = RequiredMode.REQUIRED, description = "Newest first")
                               List<WebhookEndpointResponse> data) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DeletedWebhookEndpoint")
    public record Deleted(@Schema(requiredMode = RequiredMode.REQUIRED) String id,
                          @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always true") boolean deleted) {
    }

    /** One delivery attempt. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookDeliveryAttempt")
    public record Attempt(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "wha_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The delivery (one event to this endpoint) it belongs to; "
                    + "sent as NovaBilling-Delivery-Id", example = "whd_01jq3v6x9c4m2k8d7f5h1n0p2r") String deliveryId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "evt_01jq3v6x9c4m2k8d7f5h1n0p2r") String eventId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "customer.created") String eventType,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "1 for the first attempt of the delivery") int attempt,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String attemptedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = "The receiver's HTTP status; null when none came (timeout, refused connection, refused destination)")
            Integer statusCode,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0") long durationMs,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, example = "HTTP 500") String error,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"delivered", "retrying", "failed"}) String outcome,
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "date-time", description = "When it is tried again (outcome retrying)")
            String nextRetryAt) {

        public static Attempt from(DeliveryAttempt a) {
            return new Attempt(a.id().value(), a.deliveryId().value(), a.eventId().value(), a.eventType().wireName(),
                    a.attempt(), Timestamps.format(a.attemptedAt()), a.statusCode(), a.durationMillis(), a.error(),
                    a.outcome().wireName(), a.nextRetryAt() == null ? null : Timestamps.format(a.nextRetryAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookDeliveryAttemptList")
    public record AttemptList(@Schema(requiredMode = RequiredMode.REQUIRED, description = "Newest first") List<Attempt> data,
                              @Schema(requiredMode = RequiredMode.REQUIRED, description = "Older attempts exist: pass the last id as startingAfter")
                              boolean hasMore) {
    }
}
