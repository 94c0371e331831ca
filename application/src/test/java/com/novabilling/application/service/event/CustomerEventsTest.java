package com.novabilling.application.service.event;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.fake.RecordingEventRenderer;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.event.EventPage;
import com.novabilling.application.service.customer.CreateCustomerService;
import com.novabilling.application.service.customer.DeleteCustomerService;
import com.novabilling.application.service.customer.UpdateCustomerService;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointId;
import com.novabilling.domain.webhook.WebhookSecret;
import com.novabilling.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer writes record their events, and queue one delivery per subscribed, enabled endpoint. */
class CustomerEventsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryEvents events = new InMemoryEvents();
    private final InMemoryCustomerStore store = new InMemoryCustomerStore().withOutbox(events);
    private final MutableClock clock = new MutableClock(T0);
    private final Random random = new Random(11);
    private final EventRecorder recorder =
            new EventRecorder(events, new RecordingEventRenderer(), events, events, clock, random);
    private final CreateCustomerService create = new CreateCustomerService(store, store, clock, random, recorder);
    private final UpdateCustomerService update = new UpdateCustomerService(store, store, clock, recorder);
    private final DeleteCustomerService delete = new DeleteCustomerService(store, store, recorder);
    private final EventQueriesService queries = new EventQueriesService(events);

    private CreateCustomerCommand sarah(String email) {
        return new CreateCustomerCommand(tenant, Email.of(email), CustomerName.of("Nakato Sarah"), null, null,
                CurrencyCode.of("UGX"), CustomerStatus.ACTIVE, Metadata.empty());
    }

    private WebhookEndpoint endpoint(TenantId tenantId, EventSelection selection) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.generate(clock.instant(), random), tenantId,
                new WebhookUrl("https://hooks.example.com/" + random.nextInt(1000)), selection, null,
                WebhookSecret.generate(random), clock.instant());
        events.insert(endpoint);
        return endpoint;
    }

    @Test
    void createUpdateAndDeleteEachRecordOneEventOfTheirTypeWithWhatTheRendererNeeds() {
        Customer created = create.create(sarah("sarah@kampaltech.ug")).customer();
        clock.advance(Duration.ofSeconds(1));
        update.update(new UpdateCustomerCommand(tenant, created.id(), Email.of("nakato@kampaltech.ug"), null, null,
                null, null, null, null));
        clock.advance(Duration.ofSeconds(1));
        store.addSubscription(tenant, created.id(), "active");
        store.addInvoice(tenant, created.id(), "open", "UGX", BigDecimal.ZERO);
        delete.delete(tenant, created.id());

        List<Event> all = queries.list(new EventListCriteria(tenant, null, null, 10)).data();
        assertThat(all).extracting(Event::type)
                .containsExactly(EventType.CUSTOMER_DELETED, EventType.CUSTOMER_UPDATED, EventType.CUSTOMER_CREATED);
        assertThat(all.get(2).body()).isEqualTo("customer.created " + all.get(2).id() + " " + created.id()
                + " sarah@kampaltech.ug");
        assertThat(all.get(1).body()).contains("email:sarah@kampaltech.ug->nakato@kampaltech.ug");
        assertThat(all.get(0).body()).endsWith(created.id() + " active:1 canceled:1 voided:1");
        assertThat(all).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(tenant));
        assertThat(all.get(2).createdAt()).isEqualTo(T0);
    }

    @Test
    void anUpdateThatChangesNothingRecordsNoEvent() {
        Customer created = create.create(sarah("sarah@kampaltech.ug")).customer();
        update.update(new UpdateCustomerCommand(tenant, created.id(), Email.of("sarah@kampaltech.ug"),
                CustomerName.of("Nakato Sarah"), null, null, null, null, null));
        update.update(new UpdateCustomerCommand(tenant, created.id(), null, null, null, null, null, null, null));

        assertThat(events.allEvents()).extracting(Event::type).containsExactly(EventType.CUSTOMER_CREATED);
    }

    @Test
    void aCurrencyChangeHandsTheRendererTheTotalSpentInTheOldCurrency() {
        Customer created = create.create(sarah("sarah@kampaltech.ug")).customer();
        store.addInvoice(tenant, created.id(), "paid", "UGX", new BigDecimal("150000"));
        update.update(new UpdateCustomerCommand(tenant, created.id(), null, null, null, null, CurrencyCode.of("KES"),
                null, null));

        assertThat(queries.list(new EventListCriteria(tenant, EventType.CUSTOMER_UPDATED, null, 5)).data().get(0).body())
                .contains("currency:UGX->KES totalSpent:150000->0");
    }

    @Test
    void aFailedWriteRecordsNothing() {
        create.create(sarah("sarah@kampaltech.ug"));
        assertThatThrownBy(() -> create.create(sarah("SARAH@kampaltech.ug")))
                .isInstanceOf(CustomerEmailTakenException.class);

        assertThat(events.allEvents()).hasSize(1);
    }

    @Test
    void queuesOneDeliveryPerEnabledEndpointOfTheTenantThatReceivesTheType() {
        WebhookEndpoint everything = endpoint(tenant, EventSelection.everything());
        WebhookEndpoint deletesOnly = endpoint(tenant, EventSelection.of(EventType.CUSTOMER_DELETED));
        WebhookEndpoint disabled = endpoint(tenant, EventSelection.everything());
        disabled.disable(clock.instant());
        endpoint(otherTenant, EventSelection.everything());

        Customer created = create.create(sarah("sarah@kampaltech.ug")).customer();

        assertThat(events.deliveries.values()).extracting(d -> d.pending.endpointId())
                .containsExactly(everything.id());
        delete.delete(tenant, created.id());
        assertThat(events.deliveries.values()).extracting(d -> d.pending.endpointId())
                .containsExactlyInAnyOrder(everything.id(), everything.id(), deletesOnly.id());
    }

    @Test
    void listsNewestFirstWithACursorAndATypeFilter() {
        for (int i = 0; i < 5; i++) {
            create.create(sarah("s" + i + "@kampaltech.ug"));
            clock.advance(Duration.ofMillis(5));
        }
        EventPage first = queries.list(new EventListCriteria(tenant, null, null, 2));
        EventPage second = queries.list(new EventListCriteria(tenant, null, first.data().get(1).id(), 2));
        EventPage last = queries.list(new EventListCriteria(tenant, null, second.data().get(1).id(), 2));

        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isTrue();
        assertThat(last.hasMore()).isFalse();
        assertThat(last.data()).hasSize(1);
        assertThat(first.data().get(0).body()).contains("s4@");
        assertThat(last.data().get(0).body()).contains("s0@");
        assertThat(queries.list(new EventListCriteria(tenant, EventType.CUSTOMER_DELETED, null, 10)).data()).isEmpty();
        assertThat(queries.list(new EventListCriteria(otherTenant, null, null, 10)).data()).isEmpty();
    }

    @Test
    void anotherTenantsEventIsNotFound() {
        create.create(sarah("sarah@kampaltech.ug"));
        EventId id = events.allEvents().get(0).id();

        assertThat(queries.get(tenant, id).id()).isEqualTo(id);
        assertThatThrownBy(() -> queries.get(otherTenant, id)).isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void purgeDeletesOnlyEventsOlderThanTheRetention() {
        create.create(sarah("old@kampaltech.ug"));
        clock.advance(Duration.ofDays(29));
        create.create(sarah("new@kampaltech.ug"));
        clock.advance(Duration.ofDays(2));
        PurgeEventsService purge = new PurgeEventsService(events, Duration.ofDays(30), clock);

        assertThat(purge.purgeExpired(100)).isEqualTo(1);
        assertThat(events.allEvents()).singleElement().satisfies(e -> assertThat(e.body()).contains("new@"));
        assertThat(purge.purgeExpired(100)).isZero();
    }
}
