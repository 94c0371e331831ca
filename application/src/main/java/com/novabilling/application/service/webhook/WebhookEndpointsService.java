package com.novabilling.application.service.webhook;

import com.novabilling.application.port.in.webhook.CreateWebhookEndpointCommand;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.DeleteWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.GetWebhookEndpointQuery;
import com.novabilling.application.port.in.webhook.ListDeliveryAttemptsQuery;
import com.novabilling.application.port.in.webhook.RotateWebhookSecretUseCase;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointCommand;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointUseCase;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.shared.webhook.AttemptPage;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookEndpointLimitException;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import com.novabilling.domain.webhook.WebhookSecret;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** A tenant's webhook endpoints: create (with a new secret), read, change, rotate the secret, delete, attempts. */
public final class WebhookEndpointsService implements CreateWebhookEndpointUseCase, GetWebhookEndpointQuery,
        UpdateWebhookEndpointUseCase, DeleteWebhookEndpointUseCase, RotateWebhookSecretUseCase,
        ListDeliveryAttemptsQuery {

    /** Every customer write fans out to each endpoint of its tenant, so their number is bounded. */
    public static final int MAX_ENDPOINTS_PER_TENANT = 16;

    private final WebhookEndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final DestinationCheck destinations;
    private final Clock clock;
    private final RandomGenerator random;

    public WebhookEndpointsService(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                   DestinationCheck destinations, Clock clock, RandomGenerator random) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public WebhookEndpoint create(CreateWebhookEndpointCommand command) {
        destinations.check(command.url());
        if (endpoints.list(command.tenantId()).size() >= MAX_ENDPOINTS_PER_TENANT) {
            throw new WebhookEndpointLimitException(MAX_ENDPOINTS_PER_TENANT);
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.generate(now, random), command.tenantId(),
                command.url(), command.events(), command.descriptionOrNull(), WebhookSecret.generate(random), now);
        endpoints.insert(endpoint);
        return endpoint;
    }

    @Override
    public WebhookEndpoint get(TenantId tenantId, WebhookEndpointId id) {
        return endpoints.find(tenantId, id).orElseThrow(() -> new WebhookEndpointNotFoundException(id.value()));
    }

    @Override
    public List<WebhookEndpoint> list(TenantId tenantId) {
        return endpoints.list(tenantId);
    }

    @Override
    public WebhookEndpoint update(UpdateWebhookEndpointCommand command) {
        WebhookEndpoint endpoint = get(command.tenantId(), command.endpointId());
        Instant now = clock.instant();
        if (command.url() != null) {
            destinations.check(command.url());
            endpoint.changeUrl(command.url(), now);
        }
        if (command.events() != null) {
            endpoint.changeEvents(command.events(), now);
        }
        if (command.description() != null) {
            endpoint.changeDescription(command.description().orElse(null), now);
        }
        if (command.enabled() != null) {
            if (command.enabled()) {
                endpoint.enable(now);
            } else {
                endpoint.disable(now);
            }
        }
        endpoints.update(endpoint);
        return endpoint;
    }

    @Override
    public WebhookEndpoint delete(TenantId tenantId, WebhookEndpointId id) {
        WebhookEndpoint endpoint = get(tenantId, id);
        if (!endpoints.delete(tenantId, id)) {
            throw new WebhookEndpointNotFoundException(id.value());
        }
        return endpoint;
    }

    @Override
    public WebhookEndpoint rotate(TenantId tenantId, WebhookEndpointId id) {
        WebhookEndpoint endpoint = get(tenantId, id);
        endpoint.rotateSecret(WebhookSecret.generate(random), clock.instant());
        endpoints.update(endpoint);
        return endpoint;
    }

    @Override
    public AttemptPage list(TenantId tenantId, WebhookEndpointId endpointId, AttemptId startingAfterOrNull, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        get(tenantId, endpointId);
        List<DeliveryAttempt> found = deliveries.attempts(tenantId, endpointId, startingAfterOrNull, limit + 1);
        boolean hasMore = found.size() > limit;
        return new AttemptPage(hasMore ? found.subList(0, limit) : found, hasMore);
    }
}
