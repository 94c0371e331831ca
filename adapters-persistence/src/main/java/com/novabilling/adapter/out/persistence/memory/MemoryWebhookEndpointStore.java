package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in memory; stored and handed out as copies, so callers never share an instance. */
public final class MemoryWebhookEndpointStore implements WebhookEndpointStore {

    private final MemoryStore store;

    public MemoryWebhookEndpointStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(WebhookEndpoint endpoint) {
        store.write(() -> {
            if (!store.tenants.containsKey(endpoint.tenantId().value())) {
                throw new IllegalStateException("endpoint of a tenant that is not stored: " + endpoint.tenantId());
            }
            RowKey key = key(endpoint.tenantId(), endpoint.id());
            if (store.webhookEndpoints.containsKey(key)) {
                throw new IllegalStateException("an endpoint with this id is stored: " + endpoint.id());
            }
            store.webhookEndpoints.put(key, copy(endpoint));
            store.undo(() -> store.webhookEndpoints.remove(key));
            return null;
        });
    }

    @Override
    public Optional<WebhookEndpoint> find(TenantId tenantId, WebhookEndpointId id) {
        return store.read(() -> Optional.ofNullable(store.webhookEndpoints.get(key(tenantId, id)))
                .map(MemoryWebhookEndpointStore::copy));
    }

    @Override
    public List<WebhookEndpoint> list(TenantId tenantId) {
        return store.read(() -> store.webhookEndpoints.values().stream()
                .filter(e -> e.tenantId().equals(tenantId))
                .sorted(Comparator.comparing((WebhookEndpoint e) -> e.id().value()).reversed())
                .map(MemoryWebhookEndpointStore::copy)
                .toList());
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        store.write(() -> {
            RowKey key = key(endpoint.tenantId(), endpoint.id());
            WebhookEndpoint before = store.webhookEndpoints.get(key);
            if (before != null) {
                store.webhookEndpoints.put(key, copy(endpoint));
                store.undo(() -> store.webhookEndpoints.put(key, before));
            }
            return null;
        });
    }

    @Override
    public void disable(TenantId tenantId, WebhookEndpointId id, Instant at) {
        store.write(() -> {
            RowKey key = key(tenantId, id);
            WebhookEndpoint before = store.webhookEndpoints.get(key);
            if (before != null && before.enabled()) {
                WebhookEndpoint disabled = copy(before);
                disabled.disable(at);
                store.webhookEndpoints.put(key, disabled);
                store.undo(() -> store.webhookEndpoints.put(key, before));
            }
            return null;
        });
    }

    @Override
    public boolean delete(TenantId tenantId, WebhookEndpointId id) {
        return store.write(() -> {
            RowKey key = key(tenantId, id);
            WebhookEndpoint before = store.webhookEndpoints.remove(key);
            if (before == null) {
                return false;
            }
            store.undo(() -> store.webhookEndpoints.put(key, before));
            MemoryDeliveryStore.removeDeliveries(store, d -> d.tenantId().equals(tenantId.value())
                    && d.endpointId().equals(id.value()));
            return true;
        });
    }

    private static RowKey key(TenantId tenantId, WebhookEndpointId id) {
        return new RowKey(tenantId.value(), id.value());
    }

    private static WebhookEndpoint copy(WebhookEndpoint e) {
        return WebhookEndpoint.restore(e.id(), e.tenantId(), e.url(), e.events(), e.description().orElse(null),
                e.enabled(), e.secret(), e.createdAt(), e.updatedAt());
    }
}
