package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.RecordingEventRenderer;
import com.novabilling.application.service.event.EventRecorder;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.in.customer.Change;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UpdateCustomerServiceTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00.123Z");
    /** Sub-millisecond digits on purpose: stored timestamps keep milliseconds only. */
    private static final Instant LATER = Instant.parse("2025-03-02T08:30:00.456789Z");
    private static final Instant LATER_MILLIS = Instant.parse("2025-03-02T08:30:00.456Z");

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final MutableClock clock = new MutableClock(CREATED);
    private final UpdateCustomerService service = new UpdateCustomerService(store, store, clock,
            new EventRecorder(new InMemoryEvents(), new RecordingEventRenderer(), new InMemoryEvents(), new InMemoryEvents(),
                    clock, new java.util.Random(7)));

    /** Sarah as the fixtures have her: UG, UGX, active, external id usr_98765, two metadata keys. */
    private Customer sarah;

    @BeforeEach
    void givenSarah() {
        sarah = aCustomer().in(tenant).createdAt(CREATED).build();
        store.insert(sarah);
        clock.set(LATER);
    }

    @Test
    void changesOnlyTheGivenFieldAndKeepsTheOthers() {
        CustomerView view = service.update(update(sarah).name("Sarah Nakato").build());

        Customer stored = stored(sarah);
        assertThat(stored.name().value()).isEqualTo("Sarah Nakato");
        assertThat(stored.email().value()).isEqualTo("sarah@kampaltech.ug");
        assertThat(stored.externalId()).contains(ExternalId.of("usr_98765"));
        assertThat(stored.country()).contains(CountryCode.of("UG"));
        assertThat(stored.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(stored.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(stored.metadata().asMap())
                .containsExactly(Map.entry("accountType", "business"), Map.entry("userId", "usr_98765"));
        assertThat(stored.createdAt()).isEqualTo(CREATED);
        assertThat(stored.updatedAt()).isEqualTo(LATER_MILLIS);
        assertThat(view.customer()).usingRecursiveComparison().isEqualTo(stored);
    }

    @Test
    void changesEveryGivenField() {
        service.update(update(sarah).email("nakato@kampaltech.ug").name("Sarah Nakato")
                .externalId(Change.to(ExternalId.of("usr_1"))).country(Change.to(CountryCode.of("KE")))
                .currency(CurrencyCode.of("KES")).status(CustomerStatus.INACTIVE)
                .metadata(Metadata.of(Map.of("plan", "pro"))).build());

        Customer stored = stored(sarah);
        assertThat(stored.email().value()).isEqualTo("nakato@kampaltech.ug");
        assertThat(stored.name().value()).isEqualTo("Sarah Nakato");
        assertThat(stored.externalId()).contains(ExternalId.of("usr_1"));
        assertThat(stored.country()).contains(CountryCode.of("KE"));
        assertThat(stored.currency()).isEqualTo(CurrencyCode.of("KES"));
        assertThat(stored.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(stored.metadata().asMap()).containsExactly(Map.entry("plan", "pro"));
        assertThat(stored.createdAt()).isEqualTo(CREATED);
        assertThat(stored.updatedAt()).isEqualTo(LATER_MILLIS);
    }

    @Test
    void replacesMetadataEntirelySoKeysNotSentAreGone() {
        CustomerView view = service.update(update(sarah).metadata(Metadata.of(Map.of("plan", "pro"))).build());

        assertThat(stored(sarah).metadata().asMap()).containsExactly(Map.entry("plan", "pro"));
        assertThat(stored(sarah).metadata().asMap()).doesNotContainKeys("userId", "accountType");
        assertThat(view.customer().metadata().asMap()).containsExactly(Map.entry("plan", "pro"));
    }

    @Test
    void emptyMetadataClearsEveryKey() {
        service.update(update(sarah).metadata(Metadata.empty()).build());

        assertThat(stored(sarah).metadata().asMap()).isEmpty();
        assertThat(stored(sarah).updatedAt()).isEqualTo(LATER_MILLIS);
    }

    @Test
    void clearRemovesExternalIdAndCountry() {
        CustomerView view = service.update(update(sarah).externalId(Change.clear()).country(Change.clear()).build());

        assertThat(stored(sarah).externalId()).isEmpty();
        assertThat(stored(sarah).country()).isEmpty();
        assertThat(stored(sarah).updatedAt()).isEqualTo(LATER_MILLIS);
        assertThat(view.customer().externalId()).isEmpty();
        assertThat(view.customer().country()).isEmpty();
    }

    @Test
    void clearedExternalIdCanBeTakenByAnotherCustomer() {
        service.update(update(sarah).externalId(Change.clear()).build());
        Customer john = aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build();
        store.insert(john);

        service.update(update(john).externalId(Change.to(ExternalId.of("usr_98765"))).build());

        assertThat(stored(john).externalId()).contains(ExternalId.of("usr_98765"));
    }

    @Test
    void leavesUpdatedAtAloneWhenTheCommandChangesNothing() {
        CustomerView view = service.update(update(sarah).build());

        assertThat(stored(sarah)).usingRecursiveComparison().isEqualTo(sarah);
        assertThat(stored(sarah).updatedAt()).isEqualTo(CREATED);
        assertThat(view.customer().updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void leavesUpdatedAtAloneWhenTheCommandSetsEqualValues() {
        CustomerView view = service.update(update(sarah).email("sarah@kampaltech.ug").name("  Nakato Sarah ")
                .externalId(Change.to(ExternalId.of("usr_98765"))).country(Change.to(CountryCode.of("ug")))
                .currency(CurrencyCode.of("UGX")).status(CustomerStatus.ACTIVE)
                .metadata(Metadata.of(Map.of("accountType", "business", "userId", "usr_98765"))).build());

        assertThat(stored(sarah)).usingRecursiveComparison().isEqualTo(sarah);
        assertThat(view.customer().updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void mayChangeTheCaseOfItsOwnEmail() {
        service.update(update(sarah).email("Sarah@KampalTech.ug").build());

        assertThat(stored(sarah).email().value()).isEqualTo("Sarah@KampalTech.ug");
        assertThat(stored(sarah).updatedAt()).isEqualTo(LATER_MILLIS);
    }

    @Test
    void rejectsAnotherCustomersEmailAndLeavesTheStoredCustomerUnchanged() {
        store.insert(aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build());

        CustomerEmailTakenException e = catchThrowableOfType(CustomerEmailTakenException.class,
                () -> service.update(update(sarah).email("JOHN@kampaltech.ug").name("John Again").build()));

        assertThat(e).isNotNull();
        assertThat(e.email()).isEqualTo(Email.of("JOHN@kampaltech.ug"));
        assertThat(stored(sarah)).usingRecursiveComparison().isEqualTo(sarah);
    }

    @Test
    void rejectsAnotherCustomersExternalIdAndLeavesTheStoredCustomerUnchanged() {
        store.insert(aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build());

        CustomerExternalIdTakenException e = catchThrowableOfType(CustomerExternalIdTakenException.class,
                () -> service.update(update(sarah).externalId(Change.to(ExternalId.of("usr_2")))
                        .status(CustomerStatus.INACTIVE).build()));

        assertThat(e).isNotNull();
        assertThat(e.externalId()).isEqualTo(ExternalId.of("usr_2"));
        assertThat(stored(sarah)).usingRecursiveComparison().isEqualTo(sarah);
    }

    @Test
    void acceptsAnEmailOnlyAnotherTenantUses() {
        store.insert(aCustomer().in(otherTenant).withEmail("john@kampaltech.ug").build());

        service.update(update(sarah).email("john@kampaltech.ug").build());

        assertThat(stored(sarah).email().value()).isEqualTo("john@kampaltech.ug");
    }

    @Test
    void unknownIdIsNotFound() {
        CustomerId unknown = CustomerId.generate(LATER, new Random(7));

        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.update(new UpdateCustomerCommand(tenant, unknown, null, CustomerName.of("X"),
                        null, null, null, null, null)));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(unknown.value());
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void anotherTenantsCustomerIsNotFoundAndStaysUnchanged() {
        Customer foreign = aCustomer().in(otherTenant).createdAt(CREATED).build();
        store.insert(foreign);

        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.update(new UpdateCustomerCommand(tenant, foreign.id(), null, CustomerName.of("Hijacked"),
                        null, null, null, null, null)));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(foreign.id().value());
        assertThat(store.findForUpdate(otherTenant, foreign.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(foreign);
    }

    @Test
    void returnsTheViewWithRealBillingTotals() {
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("150000"));
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("50000"));
        store.addInvoice(tenant, sarah.id(), "open", "UGX", new BigDecimal("0"));
        store.addInvoice(tenant, sarah.id(), "paid", "USD", new BigDecimal("10.50"));
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "canceled");

        CustomerView view = service.update(update(sarah).name("Sarah Nakato").build());

        assertThat(view.totalSpent()).isEqualTo(new Money(new BigDecimal("200000"), CurrencyCode.of("UGX")));
        assertThat(view.activeSubscriptions()).isEqualTo(2);
    }

    @Test
    void totalsFollowTheNewCurrencyAfterACurrencyChange() {
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("150000"));
        store.addInvoice(tenant, sarah.id(), "paid", "USD", new BigDecimal("10.50"));

        CustomerView view = service.update(update(sarah).currency(CurrencyCode.USD).build());

        assertThat(view.totalSpent()).isEqualTo(new Money(new BigDecimal("10.5"), CurrencyCode.USD));
    }

    @Test
    void returnsTotalsEvenWhenNothingChanged() {
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("75000"));
        store.addSubscription(tenant, sarah.id(), "active");

        CustomerView view = service.update(update(sarah).build());

        assertThat(view.totalSpent()).isEqualTo(new Money(new BigDecimal("75000"), CurrencyCode.of("UGX")));
        assertThat(view.activeSubscriptions()).isEqualTo(1);
    }

    @Test
    void storesAChangeMadeInTheSameMillisecondAsThePreviousOne() {
        service.update(update(sarah).name("Sarah Nakato").build());
        clock.set(LATER.plusNanos(100_000)); // still within LATER's millisecond

        CustomerView view = service.update(update(sarah).email("nakato@kampaltech.ug").build());

        assertThat(view.customer().email().value()).isEqualTo("nakato@kampaltech.ug");
        assertThat(stored(sarah).email().value())
                .as("the change the service reported must have been stored")
                .isEqualTo("nakato@kampaltech.ug");
    }

    private Customer stored(Customer customer) {
        return store.findForUpdate(customer.tenantId(), customer.id()).orElseThrow();
    }

    private static Builder update(Customer customer) {
        return new Builder(customer.tenantId(), customer.id());
    }

    /** An update command naming only the fields a test sets. */
    private static final class Builder {
        private final TenantId tenantId;
        private final CustomerId customerId;
        private Email email;
        private CustomerName name;
        private Change<ExternalId> externalId;
        private Change<CountryCode> country;
        private CurrencyCode currency;
        private CustomerStatus status;
        private Metadata metadata;

        private Builder(TenantId tenantId, CustomerId customerId) {
            this.tenantId = tenantId;
            this.customerId = customerId;
        }

        Builder email(String value) {
            this.email = Email.of(value);
            return this;
        }

        Builder name(String value) {
            this.name = CustomerName.of(value);
            return this;
        }

        Builder externalId(Change<ExternalId> value) {
            this.externalId = value;
            return this;
        }

        Builder country(Change<CountryCode> value) {
            this.country = value;
            return this;
        }

        Builder currency(CurrencyCode value) {
            this.currency = value;
            return this;
        }

        Builder status(CustomerStatus value) {
            this.status = value;
            return this;
        }

        Builder metadata(Metadata value) {
            this.metadata = value;
            return this;
        }

        UpdateCustomerCommand build() {
            return new UpdateCustomerCommand(tenantId, customerId, email, name, externalId, country, currency,
                    status, metadata);
        }
    }
}
