package com.novabilling.application.contract;

import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.application.port.out.webhook.WebhookEndpointStore;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookSecret;
import com.novabilling.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store of events, webhook endpoints and deliveries must do (the {@link EventStore},
 * {@link WebhookEndpointStore} and {@link DeliveryStore} out-ports), run on PostgreSQL and in memory.
 */
public abstract class EventsAndWebhooksContract {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
    private final SecureRandom random = new SecureRandom();
    protected TenantId tenant;
    protected TenantId otherTenant;

    protected abstract EventStore events();

    protected abstract WebhookEndpointStore endpoints();

    protected abstract DeliveryStore deliveries();

    protected abstract TenantStore tenants();

    /** The customers of the same store: a create writes its customer, event and deliveries at once. */
    protected abstract CustomerRepository customers();

    @BeforeEach
    void twoTenants() {
        tenant = newTenant();
        otherTenant = newTenant();
    }

    private TenantId newTenant() {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        tenants().insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, T0));
        return id;
    }

    private Event event(TenantId tenantId, EventType type, Instant at) {
        EventId id = EventId.generate(at, random);
        Event event = new Event(id, tenantId, type, at,
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":{\"object\":{\"name\":\"Nakato 😀 Ñ\"}}}");
        events().append(event);
        return event;
    }

    private WebhookEndpoint endpoint(TenantId tenantId) {
        return endpoint(tenantId, T0);
    }

    private WebhookEndpoint endpoint(TenantId tenantId, EventSelection selection) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.generate(T0, random), tenantId,
                new WebhookUrl("https://hooks.example.com/" + UUID.randomUUID()), selection, null,
                WebhookSecret.generate(random), T0);
        endpoints().insert(endpoint);
        return endpoint;
    }

    /** A customer.created event of {@code customer}, not stored. */
    private Event createdEvent(Customer customer, Instant at) {
        EventId id = EventId.generate(at, random);
        return new Event(id, customer.tenantId(), EventType.CUSTOMER_CREATED, at,
                "{\"id\":\"" + id + "\",\"data\":{\"object\":{\"id\":\"" + customer.id() + "\",\"name\":\"Nakato 😀\"}}}");
    }

    @Test
    void aCreateStoresTheCustomerItsEventAndOneDeliveryPerEnabledEndpointOfTheTenantThatReceivesTheType() {
        WebhookEndpoint everything = endpoint(tenant, EventSelection.everything());
        WebhookEndpoint createdOnly = endpoint(tenant, EventSelection.of(EventType.CUSTOMER_CREATED));
        WebhookEndpoint deletesOnly = endpoint(tenant, EventSelection.of(EventType.CUSTOMER_DELETED,
                EventType.CUSTOMER_UPDATED));
        WebhookEndpoint disabled = endpoint(tenant, EventSelection.everything());
        endpoints().disable(tenant, disabled.id(), T0);
        WebhookEndpoint otherTenants = endpoint(otherTenant, EventSelection.everything());
        Customer customer = aCustomer().in(tenant).withEmail("create-" + UUID.randomUUID() + "@x.io").build();
        Event event = createdEvent(customer, T0);

        customers().insertCreated(customer, event);

        assertThat(customers().findForUpdate(tenant, customer.id())).hasValueSatisfying(
                stored -> assertThat(stored).usingRecursiveComparison().isEqualTo(customer));
        assertThat(events().find(tenant, event.id())).contains(event);
        Instant now = T0.plusSeconds(1);
        List<DueDelivery> toEverything = claim(everything, now);
        List<DueDelivery> toCreatedOnly = claim(createdOnly, now);
        assertThat(toEverything).hasSize(1);
        assertThat(toCreatedOnly).hasSize(1);
        for (DueDelivery due : List.of(toEverything.get(0), toCreatedOnly.get(0))) {
            assertThat(due.eventId()).isEqualTo(event.id());
            assertThat(due.tenantId()).isEqualTo(tenant);
            assertThat(due.attempts()).isZero();
            assertThat(due.createdAt()).isEqualTo(T0);
            // DeliveryId's format (DueDelivery holds a validated DeliveryId), made at the event's time
            assertThat(due.id().value()).startsWith(DeliveryId.generate(T0, random).value().substring(0, 14));
        }
        assertThat(toEverything.get(0).id()).isNotEqualTo(toCreatedOnly.get(0).id());
        assertThat(claim(deletesOnly, now)).isEmpty();
        assertThat(claim(disabled, now)).isEmpty();
        assertThat(claim(otherTenants, now)).isEmpty();
    }

    @Test
    void aCreateWithNoEndpointStoresTheCustomerAndItsEvent() {
        Customer customer = aCustomer().in(otherTenant).withEmail("lonely@x.io").build();
        Event event = createdEvent(customer, T0);

        customers().insertCreated(customer, event);

        assertThat(customers().findForUpdate(otherTenant, customer.id())).isPresent();
        assertThat(events().find(otherTenant, event.id())).contains(event);
    }

    @Test
    void aCreateThatConflictsStoresNeitherCustomerNorEventNorDelivery() {
        WebhookEndpoint everything = endpoint(tenant, EventSelection.everything());
        Customer first = aCustomer().in(tenant).withEmail("taken@x.io").withExternalId("ext-taken").build();
        customers().insertCreated(first, createdEvent(first, T0));
        Customer sameEmail = aCustomer().in(tenant).withEmail("TAKEN@x.io").build();
        Event sameEmailEvent = createdEvent(sameEmail, T0);
        Customer sameExternalId = aCustomer().in(tenant).withEmail("other@x.io").withExternalId("ext-taken").build();
        Event sameExternalIdEvent = createdEvent(sameExternalId, T0);

        assertThatThrownBy(() -> customers().insertCreated(sameEmail, sameEmailEvent))
                .isInstanceOf(CustomerEmailTakenException.class);
        assertThatThrownBy(() -> customers().insertCreated(sameExternalId, sameExternalIdEvent))
                .isInstanceOf(CustomerExternalIdTakenException.class);

        assertThat(customers().findForUpdate(tenant, sameEmail.id())).isEmpty();
        assertThat(customers().findForUpdate(tenant, sameExternalId.id())).isEmpty();
        assertThat(events().find(tenant, sameEmailEvent.id())).isEmpty();
        assertThat(events().find(tenant, sameExternalIdEvent.id())).isEmpty();
        assertThat(claim(everything, T0.plusSeconds(1))).singleElement()
                .satisfies(d -> assertThat(d.eventId()).isNotIn(sameEmailEvent.id(), sameExternalIdEvent.id()));
    }

    private WebhookEndpoint endpoint(TenantId tenantId, Instant idTime) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.generate(idTime, random), tenantId,
                new WebhookUrl("https://hooks.example.com/" + UUID.randomUUID()), EventSelection.everything(), "ERP",
                WebhookSecret.generate(random), T0);
        endpoints().insert(endpoint);
        return endpoint;
    }

    private DeliveryId enqueue(WebhookEndpoint endpoint, Event event, Instant at) {
        DeliveryId id = DeliveryId.generate(at, random);
        deliveries().enqueue(List.of(new PendingDelivery(id, endpoint.tenantId(), endpoint.id(), event.id(), at)));
        return id;
    }

    /**
     * Claims the due deliveries of {@code endpoint} and gives back any other it got: on PostgreSQL the tests of a
     * class share one database, so deliveries of other tests may be due too.
     */
    private List<DueDelivery> claim(WebhookEndpoint endpoint, Instant now, Instant until) {
        List<DueDelivery> all = deliveries().claimDue(now, until, 1000, List.of());
        List<DueDelivery> others = all.stream().filter(d -> !d.endpointId().equals(endpoint.id())).toList();
        if (!others.isEmpty()) {
            deliveries().release(others);
        }
        return all.stream().filter(d -> d.endpointId().equals(endpoint.id())).toList();
    }

    private List<DueDelivery> claim(WebhookEndpoint endpoint, Instant now) {
        return claim(endpoint, now, now.plus(Duration.ofMinutes(5)));
    }

    private DeliveryAttempt attempt(DueDelivery due, Instant at, Integer status, AttemptOutcome outcome, Instant next) {
        DeliveryAttempt attempt = new DeliveryAttempt(AttemptId.generate(at, random), due.tenantId(), due.endpointId(),
                due.id(), due.eventId(), EventType.CUSTOMER_CREATED, due.attempts() + 1, at, status, 42,
                status == null ? "connection refused" : outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + status,
                outcome, next);
        deliveries().record(attempt);
        return attempt;
    }

    @Test
    void anAppendedEventReadsBackByteForByteInItsTenantOnly() {
        Event event = event(tenant, EventType.CUSTOMER_CREATED, T0);

        Event read = events().find(tenant, event.id()).orElseThrow();

        assertThat(read).isEqualTo(event);
        assertThat(events().find(otherTenant, event.id())).isEmpty();
    }

    @Test
    void listsNewestFirstOfOneTypeAfterACursorFetchingOneMoreThanTheLimit() {
        List<Event> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(event(tenant, i % 2 == 0 ? EventType.CUSTOMER_CREATED : EventType.CUSTOMER_UPDATED,
                    T0.plusMillis(i)));
        }
        event(otherTenant, EventType.CUSTOMER_CREATED, T0.plusMillis(9));

        assertThat(events().list(new EventListCriteria(tenant, null, null, 2))).extracting(Event::id)
                .containsExactly(created.get(4).id(), created.get(3).id(), created.get(2).id());
        assertThat(events().list(new EventListCriteria(tenant, null, created.get(2).id(), 10))).extracting(Event::id)
                .containsExactly(created.get(1).id(), created.get(0).id());
        assertThat(events().list(new EventListCriteria(tenant, EventType.CUSTOMER_UPDATED, null, 10)))
                .extracting(Event::id).containsExactly(created.get(3).id(), created.get(1).id());
    }

    @Test
    void purgeDeletesOldEventsWithTheirDeliveriesAndAttempts() {
        Instant before = Instant.now().minus(Duration.ofDays(40));
        Event old = event(tenant, EventType.CUSTOMER_CREATED, before);
        Event recent = event(tenant, EventType.CUSTOMER_CREATED, Instant.now());
        WebhookEndpoint endpoint = endpoint(tenant);
        enqueue(endpoint, old, before);
        enqueue(endpoint, recent, before);
        for (DueDelivery due : claim(endpoint, Instant.now())) {
            attempt(due, Instant.now(), 500, AttemptOutcome.RETRYING, Instant.now().plusSeconds(60));
        }

        int purged = 0;
        int round;
        while ((round = events().purgeCreatedBefore(Instant.now().minus(Duration.ofDays(30)), 1000)) > 0) {
            purged += round;
        }

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(events().find(tenant, old.id())).isEmpty();
        assertThat(events().find(tenant, recent.id())).isPresent();
        assertThat(deliveries().attempts(tenant, endpoint.id(), null, 10)).extracting(DeliveryAttempt::eventId)
                .containsExactly(recent.id());
    }

    @Test
    void anEndpointReadsBackChangesAndIsDeletedWithItsDeliveries() {
        WebhookEndpoint endpoint = endpoint(tenant);
        WebhookEndpoint newer = endpoint(tenant, T0.plusMillis(1));
        endpoint(otherTenant);

        WebhookEndpoint read = endpoints().find(tenant, endpoint.id()).orElseThrow();
        assertThat(read.url()).isEqualTo(endpoint.url());
        assertThat(read.events()).isEqualTo(EventSelection.everything());
        assertThat(read.description()).contains("ERP");
        assertThat(read.secret()).isEqualTo(endpoint.secret());
        assertThat(read.enabled()).isTrue();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(endpoints().list(tenant)).extracting(WebhookEndpoint::id).containsExactly(newer.id(), endpoint.id());
        assertThat(endpoints().find(otherTenant, endpoint.id())).isEmpty();

        read.changeEvents(EventSelection.of(EventType.CUSTOMER_DELETED, EventType.CUSTOMER_CREATED), T0.plusSeconds(1));
        read.changeDescription(null, T0.plusSeconds(1));
        read.rotateSecret(WebhookSecret.generate(random), T0.plusSeconds(1));
        endpoints().update(read);
        WebhookEndpoint changed = endpoints().find(tenant, endpoint.id()).orElseThrow();
        assertThat(changed.events().wireNames()).containsExactly("customer.created", "customer.deleted");
        assertThat(changed.description()).isEmpty();
        assertThat(changed.secret()).isEqualTo(read.secret()).isNotEqualTo(endpoint.secret());
        assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(1));

        endpoints().disable(tenant, endpoint.id(), T0.plusSeconds(2));
        assertThat(endpoints().find(tenant, endpoint.id()).orElseThrow().enabled()).isFalse();

        enqueue(endpoint, event(tenant, EventType.CUSTOMER_CREATED, T0), T0);
        assertThat(endpoints().delete(tenant, endpoint.id())).isTrue();
        assertThat(endpoints().delete(tenant, endpoint.id())).isFalse();
        assertThat(endpoints().find(tenant, endpoint.id())).isEmpty();
        assertThat(claim(endpoint, Instant.now())).isEmpty();
    }

    @Test
    void aDueDeliveryIsClaimedOnceUntilReleasedOrItsLeaseEnds() {
        Instant t = T0.minus(Duration.ofDays(200)); // before any other test's deliveries
        WebhookEndpoint endpoint = endpoint(tenant);
        Event event = event(tenant, EventType.CUSTOMER_CREATED, t);
        DeliveryId id = enqueue(endpoint, event, t);

        assertThat(deliveries().oldestDue(t.minusMillis(1))).isEmpty();
        assertThat(deliveries().oldestDue(t.plusSeconds(3))).contains(t);
        assertThat(claim(endpoint, t.minusMillis(1))).as("not due yet").isEmpty();
        assertThat(deliveries().claimDue(t, t.plusSeconds(60), 10, List.of(endpoint.id()))).as("saturated").isEmpty();
        List<DueDelivery> claimed = deliveries().claimDue(t, t.plusSeconds(60), 10, List.of());
        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.tenantId()).isEqualTo(tenant);
            assertThat(d.endpointId()).isEqualTo(endpoint.id());
            assertThat(d.eventId()).isEqualTo(event.id());
            assertThat(d.attempts()).isZero();
            assertThat(d.createdAt()).isEqualTo(t);
        });
        assertThat(deliveries().claimDue(t.plusSeconds(30), t.plusSeconds(90), 10, List.of())).isEmpty();
        assertThat(deliveries().oldestDue(t.plusSeconds(30))).as("claimed: not waiting").isEmpty();

        assertThat(deliveries().claimDue(t.plusSeconds(61), t.plusSeconds(120), 10, List.of())).as("lease ended")
                .hasSize(1);
        deliveries().release(claimed);
        assertThat(deliveries().claimDue(t.plusSeconds(62), t.plusSeconds(120), 10, List.of())).hasSize(1);
        endpoints().delete(tenant, endpoint.id());
    }

    @Test
    void recordingMovesTheDeliveryOnAndKeepsEveryAttempt() {
        WebhookEndpoint endpoint = endpoint(tenant);
        enqueue(endpoint, event(tenant, EventType.CUSTOMER_CREATED, T0), T0);

        DueDelivery first = claim(endpoint, T0).get(0);
        DeliveryAttempt failed = attempt(first, T0.plusSeconds(1), null, AttemptOutcome.RETRYING, T0.plusSeconds(60));
        assertThat(claim(endpoint, T0.plusSeconds(59))).as("not due before the retry").isEmpty();
        DueDelivery second = claim(endpoint, T0.plusSeconds(60)).get(0);
        assertThat(second.attempts()).isEqualTo(1);
        DeliveryAttempt delivered = attempt(second, T0.plusSeconds(61), 204, AttemptOutcome.DELIVERED, null);
        assertThat(claim(endpoint, T0.plus(Duration.ofDays(1)))).as("delivered: done").isEmpty();

        List<DeliveryAttempt> attempts = deliveries().attempts(tenant, endpoint.id(), null, 10);
        assertThat(attempts).containsExactly(delivered, failed);
        assertThat(attempts.get(1).statusCode()).isNull();
        assertThat(attempts.get(1).error()).isEqualTo("connection refused");
        assertThat(attempts.get(1).nextRetryAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(deliveries().attempts(tenant, endpoint.id(), delivered.id(), 10)).containsExactly(failed);
        assertThat(deliveries().attempts(otherTenant, endpoint.id(), null, 10)).isEmpty();
    }

    @Test
    void aFailedDeliveryIsNotClaimedAgainAndRecordingAGoneDeliveryDoesNothing() {
        WebhookEndpoint endpoint = endpoint(tenant);
        enqueue(endpoint, event(tenant, EventType.CUSTOMER_CREATED, T0), T0);
        DueDelivery due = claim(endpoint, T0).get(0);
        attempt(due, T0, 410, AttemptOutcome.FAILED, null);
        assertThat(claim(endpoint, T0.plus(Duration.ofDays(4)))).isEmpty();

        WebhookEndpoint other = endpoint(tenant);
        enqueue(other, event(tenant, EventType.CUSTOMER_CREATED, T0), T0);
        DueDelivery orphan = claim(other, T0).get(0);
        endpoints().delete(tenant, other.id());
        attempt(orphan, T0, 200, AttemptOutcome.DELIVERED, null);
        assertThat(deliveries().attempts(tenant, other.id(), null, 10)).isEmpty();
    }

    @Test
    void concurrentClaimsTakeDisjointDeliveries() throws Exception {
        Instant t = T0.minus(Duration.ofDays(400)); // before any other test's deliveries
        WebhookEndpoint endpoint = endpoint(tenant);
        Event event = event(tenant, EventType.CUSTOMER_CREATED, t);
        List<PendingDelivery> pending = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pending.add(new PendingDelivery(DeliveryId.generate(t, random), tenant, endpoint.id(), event.id(), t));
        }
        deliveries().enqueue(pending);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<DueDelivery>>> claimers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                claimers.add(() -> {
                    List<DueDelivery> mine = new ArrayList<>();
                    List<DueDelivery> batch;
                    while (!(batch = deliveries().claimDue(t.plusSeconds(1), t.plusSeconds(301), 7, List.of())).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                });
            }
            Set<DeliveryId> seen = new HashSet<>();
            int total = 0;
            for (Future<List<DueDelivery>> f : pool.invokeAll(claimers)) {
                for (DueDelivery d : f.get()) {
                    seen.add(d.id());
                    total++;
                }
            }
            assertThat(total).isEqualTo(60);
            assertThat(seen).hasSize(60);
        } finally {
            pool.shutdownNow();
            endpoints().delete(tenant, endpoint.id());
        }
    }
}
