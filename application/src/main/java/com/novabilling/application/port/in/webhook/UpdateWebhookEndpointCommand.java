package com.novabilling.application.port.in.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookUrl;

import java.util.Objects;
import java.util.Optional;

/**
 * A partial update; a {@code null} component leaves the field alone. {@code description} is an Optional so
 * that it can also be cleared ({@code Optional.empty()}).
 */
public record UpdateWebhookEndpointCommand(TenantId tenantId, WebhookEndpointId endpointId, WebhookUrl url,
                                           EventSelection events, Optional<String> description, Boolean enabled) {
    public UpdateWebhookEndpointCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
    }
}
