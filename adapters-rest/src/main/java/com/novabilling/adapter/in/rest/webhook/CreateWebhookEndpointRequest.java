package com.novabilling.adapter.in.rest.webhook;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointCommand;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A new webhook endpoint: where to POST, which event types, and an optional description. */
@Serdeable.Deserializable
@ReadOnlyFields({"id", "secret", "enabled", "createdAt", "updatedAt"})
@Schema(name = "CreateWebhookEndpointRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record CreateWebhookEndpointRequest(
        @NotNull(message = WebhookEndpointRequests.IS_REQUIRED)
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = WebhookUrl.MAX_LENGTH, format = "uri",
                description = WebhookEndpointRequests.URL, example = "https://erp.kampaltech.ug/novabilling/webhooks")
        String url,
        @NotNull(message = WebhookEndpointRequests.IS_REQUIRED)
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED, description = WebhookEndpointRequests.EVENTS),
                minItems = 1, maxItems = EventSelection.MAX_ENTRIES,
                schema = @Schema(type = "string", allowableValues = {"*", "customer.created", "customer.updated",
                        "customer.deleted"}))
        List<String> events,
        @Nullable @MaxCodePoints(WebhookEndpoint.MAX_DESCRIPTION)
        @Schema(maxLength = WebhookEndpoint.MAX_DESCRIPTION, nullable = true, example = "ERP sync")
        String description) implements JsonRequest {

    /** The command; every value the domain refuses is thrown at once as a {@code DomainValidationException}. */
    CreateWebhookEndpointCommand toCommand(TenantId tenantId) {
        Violations violations = new Violations();
        CreateWebhookEndpointCommand command = command(tenantId, violations);
        violations.throwIfAny();
        return command;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(violations -> command(null, violations));
    }

    private CreateWebhookEndpointCommand command(TenantId tenantId, Violations violations) {
        WebhookUrl url = this.url == null ? null : violations.attempt(() -> new WebhookUrl(this.url));
        EventSelection events = WebhookEndpointRequests.events(this.events, violations);
        String description = this.description == null ? null
                : violations.attempt(() -> WebhookEndpoint.validDescription(this.description));
        if (tenantId == null || !violations.isEmpty()) {
            return null;
        }
        return new CreateWebhookEndpointCommand(tenantId, url, events, description);
    }
}
