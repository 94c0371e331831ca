package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookUrl;

import java.util.Objects;

public record CreateWebhookEndpointCommand(TenantId tenantId, WebhookUrl url, EventSelection events,
                                           String descriptionOrNull) {
    public CreateWebhookEndpointCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
    }
}
