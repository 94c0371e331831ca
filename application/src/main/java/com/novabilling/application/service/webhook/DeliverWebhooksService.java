package com.novabilling.application.service.webhook;

import com.novabilling.application.port.in.webhook.DeliverWebhooksUseCase;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.out.webhook.WebhookSender;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.RetrySchedule;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookSignature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One delivery attempt: the endpoint's URL is checked again against the destination policy with a fresh DNS
 * answer, the event's stored JSON is signed ({@code NovaBilling-Signature}) and POSTed, and the outcome is
 * recorded: a 2xx is delivered; 410 Gone fails the delivery and disables the endpoint; anything else (another
 * status, no answer within the timeout, a refused destination) is retried on the {@link RetrySchedule}, or
 * failed once its give-up time has passed. A disabled endpoint's deliveries fail without a request.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {

    public static final String EVENT_ID_HEADER = "NovaBilling-Event-Id";
    public static final String EVENT_TYPE_HEADER = "NovaBilling-Event-Type";
    public static final String DELIVERY_ID_HEADER = "NovaBilling-Delivery-Id";
    public static final String USER_AGENT = "NovaBilling-Webhooks/1";

    private final DeliveryStore deliveries;
    private final WebhookEndpointStore endpoints;
    private final EventStore events;
    private final WebhookSender sender;
    private final DestinationCheck destinations;
    private final RetrySchedule schedule;
    private final Duration claimFor;
    private final Clock clock;
    private final RandomGenerator random;

    public DeliverWebhooksService(DeliveryStore deliveries, WebhookEndpointStore endpoints, EventStore events,
                                  WebhookSender sender, DestinationCheck destinations, RetrySchedule schedule,
                                  Duration claimFor, Clock clock, RandomGenerator random) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.sender = sender;
        this.destinations = destinations;
        this.schedule = schedule;
        this.claimFor = claimFor;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public List<DueDelivery> claim(int max, Collection<com.novabilling.domain.webhook.WebhookEndpointId> saturated) {
        Instant now = clock.instant();
        return deliveries.claimDue(now, now.plus(claimFor), max, saturated);
    }

    @Override
    public void release(Collection<DueDelivery> claimed) {
        if (!claimed.isEmpty()) {
            deliveries.release(claimed);
        }
    }

    @Override
    public Optional<DeliveryAttempt> attempt(DueDelivery delivery) {
        Optional<WebhookEndpoint> found = endpoints.find(delivery.tenantId(), delivery.endpointId());
        Optional<Event> event = events.find(delivery.tenantId(), delivery.eventId());
        if (found.isEmpty() || event.isEmpty()) {
            return Optional.empty(); // deleted meanwhile: the delivery went with it
        }
        WebhookEndpoint endpoint = found.get();
        Instant started = clock.instant();
        int attempt = delivery.attempts() + 1;
        if (!endpoint.enabled()) {
            return Optional.of(record(delivery, event.get(), attempt, started, null, 0,
                    "endpoint disabled", AttemptOutcome.FAILED, null));
        }
        try {
            destinations.check(endpoint.url());
        } catch (DomainValidationException refused) {
            return Optional.of(retryOrFail(delivery, event.get(), attempt, started, null, 0,
                    "destination refused: " + refused.violations().get(0).message()));
        }
        String body = event.get().body();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(EVENT_ID_HEADER, delivery.eventId().value());
        headers.put(EVENT_TYPE_HEADER, event.get().type().wireName());
        headers.put(DELIVERY_ID_HEADER, delivery.id().value());
        headers.put(WebhookSignature.HEADER,
                WebhookSignature.header(endpoint.secret(), clock.instant().getEpochSecond(), body));
        WebhookSender.Result result = sender.post(endpoint.url().uri(), headers, body);
        if (result.succeeded()) {
            return Optional.of(record(delivery, event.get(), attempt, started, result.statusCode(),
                    result.durationMillis(), null, AttemptOutcome.DELIVERED, null));
        }
        if (result.statusCode() != null && result.statusCode() == 410) {
            endpoints.disable(endpoint.tenantId(), endpoint.id(), clock.instant());
            return Optional.of(record(delivery, event.get(), attempt, started, 410, result.durationMillis(),
                    "410 Gone: endpoint disabled", AttemptOutcome.FAILED, null));
        }
        String error = result.error() != null ? result.error() : "HTTP " + result.statusCode();
        return Optional.of(retryOrFail(delivery, event.get(), attempt, started, result.statusCode(),
                result.durationMillis(), error));
    }

    private DeliveryAttempt retryOrFail(DueDelivery delivery, Event event, int attempt, Instant started,
                                        Integer status, long millis, String error) {
        Optional<Instant> next = schedule.next(attempt, delivery.createdAt(), clock.instant(), random);
        return next.map(at -> record(delivery, event, attempt, started, status, millis, error, AttemptOutcome.RETRYING,
                        at.truncatedTo(ChronoUnit.MILLIS)))
                .orElseGet(() -> record(delivery, event, attempt, started, status, millis, error, AttemptOutcome.FAILED,
                        null));
    }

    private DeliveryAttempt record(DueDelivery delivery, Event event, int attempt, Instant started, Integer status,
                                   long millis, String error, AttemptOutcome outcome, Instant nextRetryAt) {
        Instant at = started.truncatedTo(ChronoUnit.MILLIS);
        DeliveryAttempt recorded = new DeliveryAttempt(AttemptId.generate(at, random), delivery.tenantId(),
                delivery.endpointId(), delivery.id(), delivery.eventId(), event.type(), attempt, at, status, millis,
                error, outcome, nextRetryAt);
        deliveries.record(recorded);
        return recorded;
    }
}
