package com.novabilling.application.port.out.webhook;

import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant's webhook endpoints, with their signing secrets. */
public interface WebhookEndpointStore {

    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(TenantId tenantId, WebhookEndpointId id);

    /** Newest first. */
    List<WebhookEndpoint> list(TenantId tenantId);

    /** Saves url, events, description, enabled, secret and updatedAt of a stored endpoint. */
    void update(WebhookEndpoint endpoint);

    /** Disables the endpoint (a receiver answered 410 Gone), leaving its other fields as they are now. */
    void disable(TenantId tenantId, WebhookEndpointId id, Instant at);

    /** Deletes the endpoint with its deliveries and their attempts; false when there was none. */
    boolean delete(TenantId tenantId, WebhookEndpointId id);
}
