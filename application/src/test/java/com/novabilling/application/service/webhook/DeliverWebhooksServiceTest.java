package com.novabilling.application.service.webhook;

import com.novabilling.application.fake.FakeAddressResolver;
import com.novabilling.application.fake.FakeWebhookSender;
import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.out.webhook.WebhookSender;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.DestinationPolicy;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.RetrySchedule;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookSecret;
import com.novabilling.domain.webhook.WebhookSignature;
import com.novabilling.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverWebhooksServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String BODY = "{\"id\":\"evt\",\"type\":\"customer.created\"}";

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final InMemoryEvents store = new InMemoryEvents();
    private final MutableClock clock = new MutableClock(T0);
    private final Random random = new Random(5);
    private final FakeWebhookSender sender = new FakeWebhookSender();
    private final FakeAddressResolver dns = new FakeAddressResolver().answer("hooks.example.com", "93.184.216.34");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3));
    private final DeliverWebhooksService service = new DeliverWebhooksService(store, store, store, sender,
            new DestinationCheck(new DestinationPolicy(false), dns), schedule, Duration.ofMinutes(5), clock, random);

    private WebhookEndpoint endpoint;
    private Event event;
    private DeliveryId deliveryId;

    @BeforeEach
    void anEventQueuedForAnEndpoint() {
        endpoint = WebhookEndpoint.create(WebhookEndpointId.generate(T0, random), tenant,
                new WebhookUrl("https://hooks.example.com/nb"), EventSelection.everything(), null,
                WebhookSecret.generate(random), T0);
        store.insert(endpoint);
        event = new Event(EventId.generate(T0, random), tenant, EventType.CUSTOMER_CREATED, T0, BODY);
        store.append(event);
        deliveryId = DeliveryId.generate(T0, random);
        store.enqueue(List.of(new PendingDelivery(deliveryId, tenant, endpoint.id(), event.id(), T0)));
    }

    private DeliveryAttempt attemptNow() {
        List<DueDelivery> claimed = service.claim(10, List.of());
        assertThat(claimed).hasSize(1);
        return service.attempt(claimed.get(0)).orElseThrow();
    }

    @Test
    void postsTheStoredBodySignedWithTheEndpointsSecretAndTheEventHeaders() {
        DeliveryAttempt attempt = attemptNow();

        FakeWebhookSender.Sent sent = sender.sent.get(0);
        assertThat(sent.url().toString()).isEqualTo("https://hooks.example.com/nb");
        assertThat(sent.body()).isEqualTo(BODY);
        assertThat(sent.headers()).containsEntry("NovaBilling-Event-Id", event.id().value())
                .containsEntry("NovaBilling-Event-Type", "customer.created")
                .containsEntry("Content-Type", "application/json");
        String signature = sent.headers().get("NovaBilling-Signature");
        assertThat(signature).startsWith("t=" + T0.getEpochSecond() + ",v1=");
        assertThat(WebhookSignature.verify(endpoint.secret().value(), signature, BODY, T0.getEpochSecond(), 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_" + "x".repeat(40), signature, BODY, T0.getEpochSecond(), 300)).isFalse();
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(store.delivery(deliveryId).status).isEqualTo("delivered");
        assertThat(service.claim(10, List.of())).isEmpty();
    }

    @Test
    void aFailureIsRetriedAfterABackedOffJitteredDelayAndAgainUntilDelivered() {
        sender.answer(500).answer(new WebhookSender.Result(null, 10_000, "timed out after 10 s"));

        DeliveryAttempt first = attemptNow();
        assertThat(first.outcome()).isEqualTo(AttemptOutcome.RETRYING);
        assertThat(first.error()).isEqualTo("HTTP 500");
        assertThat(first.nextRetryAt()).isBetween(T0.plusSeconds(30), T0.plusSeconds(60));
        assertThat(service.claim(10, List.of())).as("not due yet").isEmpty();

        clock.set(first.nextRetryAt());
        DeliveryAttempt second = attemptNow();
        assertThat(second.outcome()).isEqualTo(AttemptOutcome.RETRYING);
        assertThat(second.statusCode()).isNull();
        assertThat(second.error()).isEqualTo("timed out after 10 s");
        assertThat(second.nextRetryAt()).isBetween(first.nextRetryAt().plusSeconds(60), first.nextRetryAt().plusSeconds(120));

        clock.set(second.nextRetryAt());
        assertThat(attemptNow().outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(store.attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void failsOnceTheGiveUpTimeHasPassed() {
        sender.answer(503);
        clock.set(T0.plus(Duration.ofDays(3)).minusSeconds(10));

        DeliveryAttempt attempt = attemptNow();

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(attempt.nextRetryAt()).isNull();
        assertThat(store.delivery(deliveryId).status).isEqualTo("failed");
    }

    @Test
    void goneDisablesTheEndpointAndFailsTheDelivery() {
        sender.answer(410);

        DeliveryAttempt attempt = attemptNow();

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(store.find(tenant, endpoint.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aDisabledEndpointsDeliveryFailsWithoutARequest() {
        store.disable(tenant, endpoint.id(), T0);

        DeliveryAttempt attempt = attemptNow();

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.FAILED);
        assertThat(attempt.error()).isEqualTo("endpoint disabled");
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void aHostThatNowResolvesToAPrivateAddressIsNotCalled() {
        dns.answer("hooks.example.com", "169.254.169.254");

        DeliveryAttempt attempt = attemptNow();

        assertThat(sender.sent).isEmpty();
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.RETRYING);
        assertThat(attempt.error()).startsWith("destination refused: must not resolve to a link-local");
    }

    @Test
    void aClaimedDeliveryIsNotClaimedTwiceUntilReleasedOrItsClaimExpires() {
        List<DueDelivery> claimed = service.claim(10, List.of());
        assertThat(service.claim(10, List.of())).isEmpty();

        service.release(claimed);
        List<DueDelivery> again = service.claim(10, List.of());
        assertThat(again).hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(service.claim(10, List.of())).as("the claim expired").hasSize(1);
    }

    @Test
    void skipsSaturatedEndpoints() {
        assertThat(service.claim(10, List.of(endpoint.id()))).isEmpty();
        assertThat(service.claim(10, List.of())).hasSize(1);
    }

    @Test
    void aDeletedEndpointLeavesNothingToAttempt() {
        List<DueDelivery> claimed = service.claim(10, List.of());
        store.delete(tenant, endpoint.id());

        assertThat(service.attempt(claimed.get(0))).isEmpty();
        assertThat(sender.sent).isEmpty();
    }
}
