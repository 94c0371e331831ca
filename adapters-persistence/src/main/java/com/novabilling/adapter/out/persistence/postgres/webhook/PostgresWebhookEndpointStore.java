package com.novabilling.adapter.out.persistence.postgres.webhook;

import com.novabilling.adapter.out.persistence.postgres.PostgresFailures;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookSecret;
import com.novabilling.domain.webhook.WebhookUrl;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in {@code webhook_endpoints}; deleting one cascades to its deliveries and attempts. */
public final class PostgresWebhookEndpointStore implements WebhookEndpointStore {

    private final WebhookEndpointRowRepository rows;

    public PostgresWebhookEndpointStore(WebhookEndpointRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void insert(WebhookEndpoint endpoint) {
        PostgresFailures.translate(() -> rows.save(row(endpoint)));
    }

    @Override
    public Optional<WebhookEndpoint> find(TenantId tenantId, WebhookEndpointId id) {
        return PostgresFailures.translate(() -> rows.findById(new WebhookEndpointKey(tenantId.value(), id.value()))
                .map(PostgresWebhookEndpointStore::endpoint));
    }

    @Override
    public List<WebhookEndpoint> list(TenantId tenantId) {
        return PostgresFailures.translate(() -> rows.listOfTenant(tenantId.value()).stream()
                .map(PostgresWebhookEndpointStore::endpoint).toList());
    }

    @Override
    public void update(WebhookEndpoint e) {
        PostgresFailures.translate(() -> rows.change(e.tenantId().value(), e.id().value(), e.url().value(),
                e.events().wireNames().toArray(String[]::new), e.description().orElse(null), e.enabled(),
                e.secret().value(), e.updatedAt()));
    }

    @Override
    public void disable(TenantId tenantId, WebhookEndpointId id, Instant at) {
        PostgresFailures.translate(() -> rows.disable(tenantId.value(), id.value(), at));
    }

    @Override
    public boolean delete(TenantId tenantId, WebhookEndpointId id) {
        return PostgresFailures.translate(() -> rows.remove(tenantId.value(), id.value())) > 0;
    }

    static WebhookEndpointRow row(WebhookEndpoint e) {
        return new WebhookEndpointRow(new WebhookEndpointKey(e.tenantId().value(), e.id().value()), e.url().value(),
                e.events().wireNames().toArray(String[]::new), e.description().orElse(null), e.enabled(),
                e.secret().value(), e.createdAt(), e.updatedAt());
    }

    static WebhookEndpoint endpoint(WebhookEndpointRow row) {
        return WebhookEndpoint.restore(new WebhookEndpointId(row.key().id()), new TenantId(row.key().tenantId()),
                new WebhookUrl(row.url()), EventSelection.parse(Arrays.asList(row.events())), row.description(),
                row.enabled(), new WebhookSecret(row.secret()), row.createdAt(), row.updatedAt());
    }
}
