package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.TranslateStoreFailures;
import com.novabilling.application.port.in.event.GetEventQuery;
import com.novabilling.application.port.in.event.ListEventsQuery;
import com.novabilling.application.port.in.event.PurgeEventsUseCase;
import com.novabilling.application.port.in.event.RedeliverEventUseCase;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.DeleteWebhookEndpointUseCase;
import com.novabilling.application.port.in.webhook.DeliverWebhooksUseCase;
import com.novabilling.application.port.in.webhook.GetWebhookEndpointQuery;
import com.novabilling.application.port.in.webhook.ListDeliveryAttemptsQuery;
import com.novabilling.application.port.in.webhook.RotateWebhookSecretUseCase;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointUseCase;
import com.novabilling.application.port.out.event.EventRenderer;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.AddressResolver;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.out.webhook.WebhookSender;
import com.novabilling.application.service.event.EventQueriesService;
import com.novabilling.application.service.event.EventRecorder;
import com.novabilling.application.service.event.PurgeEventsService;
import com.novabilling.application.service.event.RedeliverEventService;
import com.novabilling.application.service.webhook.DeliverWebhooksService;
import com.novabilling.application.service.webhook.DestinationCheck;
import com.novabilling.application.service.webhook.WebhookEndpointsService;
import com.novabilling.domain.webhook.DestinationPolicy;
import com.novabilling.domain.webhook.RetrySchedule;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Creates the events and webhooks use cases (issue 14). Writes are {@code @Transactional} like the customer
 * writes; the customer writes themselves record their events through the {@link EventRecorder} inside their own
 * transaction (the outbox). Delivery is not transactional as a whole: claiming and recording are single
 * statements, and the HTTP call runs between them, outside any transaction.
 */
@Factory
class EventServicesFactory {

    @Singleton
    DestinationPolicy destinationPolicy(
            @Value("${novabilling.webhooks.allow-private-networks:false}") boolean allowPrivateNetworks) {
        return new DestinationPolicy(allowPrivateNetworks);
    }

    @Singleton
    DestinationCheck destinationCheck(DestinationPolicy policy, AddressResolver resolver) {
        return new DestinationCheck(policy, resolver);
    }

    @Singleton
    RetrySchedule retrySchedule(@Value("${novabilling.webhooks.retry.first-delay:1m}") Duration firstDelay,
                                @Value("${novabilling.webhooks.retry.max-delay:6h}") Duration maxDelay,
                                @Value("${novabilling.webhooks.retry.give-up-after:3d}") Duration giveUpAfter) {
        try {
            return new RetrySchedule(firstDelay, maxDelay, giveUpAfter);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("novabilling.webhooks.retry: " + e.getMessage());
        }
    }

    @Singleton
    EventRecorder eventRecorder(EventStore events, EventRenderer renderer, WebhookEndpointStore endpoints,
                                DeliveryStore deliveries, Clock clock, RandomGenerator random) {
        return new EventRecorder(events, renderer, endpoints, deliveries, clock, random);
    }

    @Singleton
    ListEventsQuery listEvents(EventStore events) {
        return new EventQueriesService(events);
    }

    @Singleton
    GetEventQuery getEvent(EventStore events) {
        return new EventQueriesService(events);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    RedeliverEventUseCase redeliverEvent(EventStore events, WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                         Clock clock, RandomGenerator random) {
        return new RedeliverEventService(events, endpoints, deliveries, clock, random);
    }

    @Singleton
    PurgeEventsUseCase purgeEvents(EventStore events, Clock clock,
                                   @Value("${novabilling.event-retention:30d}") Duration retention,
                                   RetrySchedule schedule) {
        if (retention.compareTo(schedule.giveUpAfter()) < 0) {
            throw new ConfigurationException("NOVABILLING_EVENT_RETENTION (" + retention + ") must be at least the "
                    + "webhook retry window (" + schedule.giveUpAfter() + "), or events would vanish while being retried");
        }
        return new PurgeEventsService(events, retention, clock);
    }

    private WebhookEndpointsService endpoints(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                              DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return new WebhookEndpointsService(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    CreateWebhookEndpointUseCase createWebhookEndpoint(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                                       DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    UpdateWebhookEndpointUseCase updateWebhookEndpoint(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                                       DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    DeleteWebhookEndpointUseCase deleteWebhookEndpoint(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                                       DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    RotateWebhookSecretUseCase rotateWebhookSecret(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                                   DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    GetWebhookEndpointQuery getWebhookEndpoint(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                               DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    ListDeliveryAttemptsQuery listDeliveryAttempts(WebhookEndpointStore endpoints, DeliveryStore deliveries,
                                                   DestinationCheck destinations, Clock clock, RandomGenerator random) {
        return endpoints(endpoints, deliveries, destinations, clock, random);
    }

    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(DeliveryStore deliveries, WebhookEndpointStore endpoints, EventStore events,
                                           WebhookSender sender, DestinationCheck destinations, RetrySchedule schedule,
                                           @Value("${novabilling.webhooks.claim-lease:2m}") Duration claimLease,
                                           Clock clock, RandomGenerator random) {
        return new DeliverWebhooksService(deliveries, endpoints, events, sender, destinations, schedule, claimLease, clock,
                random);
    }
}
