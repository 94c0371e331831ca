package com.novabilling.adapter.in.rest.webhook;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonFields;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointCommand;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointCommand;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookUrl;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Request bodies of {@code /api/webhook-endpoints} to commands, every bad field reported at once. */
final class WebhookEndpointRequests {

    static final Set<String> CREATE_FIELDS = Set.of("url", "events", "description");
    static final Set<String> UPDATE_FIELDS = Set.of("url", "events", "description", "enabled");
    static final Set<String> READ_ONLY = Set.of("id", "secret", "createdAt", "updatedAt");
    private static final Set<String> READ_ONLY_ON_CREATE = Set.of("id", "secret", "createdAt", "updatedAt", "enabled");

    private WebhookEndpointRequests() {
    }

    static CreateWebhookEndpointCommand toCreateCommand(TenantId tenantId, JsonNode body) {
        JsonNode object = JsonFields.requireObject(body);
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, CREATE_FIELDS, READ_ONLY_ON_CREATE, violations);
        WebhookUrl url = JsonFields.requiredString(object, "url", WebhookUrl::new, violations);
        EventSelection events;
        if (JsonFields.isAbsent(object, "events") || JsonFields.isNull(object, "events")) {
            violations.add("events", JsonFields.IS_REQUIRED);
            events = null;
        } else {
            events = events(object.get("events"), violations);
        }
        String description = JsonFields.string(object, "description", WebhookEndpoint::validDescription, violations);
        violations.throwIfAny();
        return new CreateWebhookEndpointCommand(tenantId, url, events, description);
    }

    static UpdateWebhookEndpointCommand toUpdateCommand(TenantId tenantId, WebhookEndpointId id, JsonNode body) {
        JsonNode object = JsonFields.requireObject(body);
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, UPDATE_FIELDS, READ_ONLY, violations);
        for (String required : List.of("url", "events", "enabled")) {
            if (JsonFields.isNull(object, required)) {
                violations.add(required, JsonFields.MUST_NOT_BE_NULL);
            }
        }
        WebhookUrl url = JsonFields.string(object, "url", WebhookUrl::new, violations);
        EventSelection events = object.get("events") == null || object.get("events").isNull()
                ? null : events(object.get("events"), violations);
        Optional<String> description = null;
        if (JsonFields.isNull(object, "description")) {
            description = Optional.empty();
        } else if (!JsonFields.isAbsent(object, "description")) {
            String value = JsonFields.string(object, "description", WebhookEndpoint::validDescription, violations);
            description = value == null ? null : Optional.of(value);
        }
        Boolean enabled = null;
        JsonNode enabledNode = object.get("enabled");
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.getBooleanValue();
            } else {
                violations.add("enabled", "must be a boolean");
            }
        }
        violations.throwIfAny();
        return new UpdateWebhookEndpointCommand(tenantId, id, url, events, description, enabled);
    }

    private static EventSelection events(JsonNode node, Violations violations) {
        if (!node.isArray()) {
            violations.add("events", "must be an array of event types or [\"*\"]");
            return null;
        }
        if (node.size() > EventSelection.MAX_ENTRIES) {
            violations.add("events", "must have at most " + EventSelection.MAX_ENTRIES + " entries");
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean allStrings = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isString()) {
                names.add(item.getStringValue());
            } else {
                violations.add("events[" + i + "]", JsonFields.MUST_BE_A_STRING);
                allStrings = false;
            }
        }
        return allStrings ? violations.attempt(() -> EventSelection.parse(names)) : null;
    }
}
