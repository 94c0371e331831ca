package com.novabilling.adapter.in.rest.webhook;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.NullAsEmptyListDeserializer;
import com.novabilling.adapter.in.rest.json.PatchValue;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointCommand;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;

import java.util.List;
import java.util.Optional;

// PATCH /api/webhook-endpoints/{id} (JSON merge patch): only the fields present change. null clears the
// description and is refused for url, events and enabled, which an endpoint always has. Each field but events
// is a PatchValue, which tells absent from null; events reads null as [], which the domain refuses like [].
// (A line comment: the OpenAPI processor would copy a Javadoc comment into the document, which has its own
// description below.)
@Serdeable.Deserializable
@ReadOnlyFields({"id", "secret", "createdAt", "updatedAt"})
@Schema(name = "UpdateWebhookEndpointRequest", additionalProperties = AdditionalPropertiesValue.FALSE,
        description = "Only the fields present change; null clears the description and is refused for the others.")
public record UpdateWebhookEndpointRequest(
        @Schema(implementation = String.class, maxLength = WebhookUrl.MAX_LENGTH, format = "uri",
                description = WebhookEndpointRequests.URL)
        PatchValue<String> url,
        @Nullable
        @Serdeable.Deserializable(using = NullAsEmptyListDeserializer.class)
        @ArraySchema(arraySchema = @Schema(description = WebhookEndpointRequests.EVENTS + "; null, like [], is refused"),
                minItems = 1, maxItems = EventSelection.MAX_ENTRIES,
                schema = @Schema(type = "string", allowableValues = {"*", "customer.created", "customer.updated",
                        "customer.deleted"}))
        List<String> events,
        @MaxCodePoints(WebhookEndpoint.MAX_DESCRIPTION)
        @Schema(implementation = String.class, maxLength = WebhookEndpoint.MAX_DESCRIPTION, nullable = true,
                description = "null clears it")
        PatchValue<String> description,
        @Schema(implementation = Boolean.class,
                description = "false stops deliveries (pending ones fail); true starts them again")
        PatchValue<Boolean> enabled) implements JsonRequest {

    public UpdateWebhookEndpointRequest {
        url = orAbsent(url);
        description = orAbsent(description);
        enabled = orAbsent(enabled);
    }

    /** The command; every value the domain refuses is thrown at once as a {@code DomainValidationException}. */
    UpdateWebhookEndpointCommand toCommand(TenantId tenantId, WebhookEndpointId id) {
        Violations violations = new Violations();
        UpdateWebhookEndpointCommand command = command(tenantId, id, violations);
        violations.throwIfAny();
        return command;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(violations -> command(null, null, violations));
    }

    private UpdateWebhookEndpointCommand command(TenantId tenantId, WebhookEndpointId id, Violations violations) {
        notNull(url, "url", violations);
        notNull(enabled, "enabled", violations);
        WebhookUrl url = this.url.value() == null ? null : violations.attempt(() -> new WebhookUrl(this.url.value()));
        // null was read as [] (NullAsEmptyListDeserializer), which the domain refuses: an endpoint always has events
        EventSelection events = WebhookEndpointRequests.events(this.events, violations);
        Optional<String> description = null;
        if (this.description.isNull()) {
            description = Optional.empty();
        } else if (!this.description.isAbsent()) {
            String value = violations.attempt(() -> WebhookEndpoint.validDescription(this.description.value()));
            description = value == null ? null : Optional.of(value);
        }
        if (tenantId == null || !violations.isEmpty()) {
            return null;
        }
        return new UpdateWebhookEndpointCommand(tenantId, id, url, events, description, enabled.value());
    }

    private static void notNull(PatchValue<?> field, String name, Violations violations) {
        if (field.isNull()) {
            violations.add(name, WebhookEndpointRequests.MUST_NOT_BE_NULL);
        }
    }

    private static <T> PatchValue<T> orAbsent(PatchValue<T> field) {
        return field == null ? PatchValue.absent() : field;
    }
}
