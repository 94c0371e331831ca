package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.RecordingEventRenderer;
import com.novabilling.application.service.event.EventRecorder;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreateCustomerServiceTest {

    /** Sub-millisecond digits on purpose: stored timestamps keep milliseconds only. */
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.123456789Z");
    private static final Instant NOW_MILLIS = Instant.parse("2025-03-01T10:00:00.123Z");

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final CreateCustomerService service =
            new CreateCustomerService(store, store, Clock.fixed(NOW, ZoneOffset.UTC), new Random(42),
                    new EventRecorder(new InMemoryEvents(), new RecordingEventRenderer(), new InMemoryEvents(),
                            new InMemoryEvents(), Clock.fixed(NOW, ZoneOffset.UTC), new Random(7)));

    @Test
    void storesTheCustomerWithEveryFieldFromTheCommand() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("userId", "usr_98765");
        metadata.put("seats", 12);
        metadata.put("vip", true);
        CreateCustomerCommand command = new CreateCustomerCommand(tenant, Email.of("Sarah@KampalTech.ug"),
                CustomerName.of("Nakato Sarah"), ExternalId.of("usr_98765"), CountryCode.of("UG"),
                CurrencyCode.of("UGX"), CustomerStatus.INACTIVE, Metadata.of(metadata));

        CustomerView created = service.create(command);

        Customer stored = stored(tenant, created.customer().id());
        assertThat(stored.id()).isEqualTo(created.customer().id());
        assertThat(stored.tenantId()).isEqualTo(tenant);
        assertThat(stored.email().value()).isEqualTo("Sarah@KampalTech.ug");
        assertThat(stored.name().value()).isEqualTo("Nakato Sarah");
        assertThat(stored.externalId()).contains(ExternalId.of("usr_98765"));
        assertThat(stored.country()).contains(CountryCode.of("UG"));
        assertThat(stored.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(stored.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(stored.metadata().asMap())
                .containsExactly(Map.entry("seats", new BigDecimal("12")), Map.entry("userId", "usr_98765"),
                        Map.entry("vip", true));
        assertThat(created.customer()).usingRecursiveComparison().isEqualTo(stored);
    }

    @Test
    void setsCreatedAtAndUpdatedAtToTheClockTimeInMilliseconds() {
        CustomerView created = service.create(command("sarah@kampaltech.ug", null));

        Customer stored = stored(tenant, created.customer().id());
        assertThat(stored.createdAt()).isEqualTo(NOW_MILLIS);
        assertThat(stored.updatedAt()).isEqualTo(NOW_MILLIS);
        assertThat(created.customer().createdAt()).isEqualTo(NOW_MILLIS);
        assertThat(created.customer().updatedAt()).isEqualTo(NOW_MILLIS);
    }

    @Test
    void currencyDefaultsToTheTenantsDefaultCurrency() {
        store.setDefaultCurrency(tenant, CurrencyCode.of("UGX"));

        CustomerView created = service.create(command("sarah@kampaltech.ug", null));

        assertThat(created.customer().currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(stored(tenant, created.customer().id()).currency()).isEqualTo(CurrencyCode.of("UGX"));
    }

    @Test
    void currencyDefaultsToUsdWhenTheTenantSetNone() {
        store.setDefaultCurrency(otherTenant, CurrencyCode.of("NGN"));

        CustomerView created = service.create(command("sarah@kampaltech.ug", null));

        assertThat(created.customer().currency()).isEqualTo(CurrencyCode.USD);
        assertThat(stored(tenant, created.customer().id()).currency()).isEqualTo(CurrencyCode.USD);
    }

    @Test
    void givenCurrencyWinsOverTheTenantsDefault() {
        store.setDefaultCurrency(tenant, CurrencyCode.of("UGX"));
        CreateCustomerCommand command = new CreateCustomerCommand(tenant, Email.of("sarah@kampaltech.ug"),
                CustomerName.of("Nakato Sarah"), null, null, CurrencyCode.of("KES"), null, null);

        CustomerView created = service.create(command);

        assertThat(stored(tenant, created.customer().id()).currency()).isEqualTo(CurrencyCode.of("KES"));
    }

    @Test
    void statusDefaultsToActiveMetadataToEmptyAndOptionalFieldsToAbsent() {
        CustomerView created = service.create(command("sarah@kampaltech.ug", null));

        Customer stored = stored(tenant, created.customer().id());
        assertThat(stored.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(stored.metadata()).isEqualTo(Metadata.empty());
        assertThat(stored.metadata().asMap()).isEmpty();
        assertThat(stored.externalId()).isEmpty();
        assertThat(stored.country()).isEmpty();
    }

    @Test
    void returnsAViewWithNothingSpentInTheCustomersCurrencyAndNoActiveSubscriptions() {
        store.setDefaultCurrency(tenant, CurrencyCode.of("UGX"));

        CustomerView created = service.create(command("sarah@kampaltech.ug", null));

        assertThat(created.totalSpent()).isEqualTo(new Money(BigDecimal.ZERO, CurrencyCode.of("UGX")));
        assertThat(created.activeSubscriptions()).isZero();
    }

    @Test
    void rejectsAnEmailTakenInTheTenantInAnotherCaseAndStoresNothing() {
        CustomerView sarah = service.create(command("sarah@kampaltech.ug", "usr_1"));

        CustomerEmailTakenException e = catchThrowableOfType(CustomerEmailTakenException.class,
                () -> service.create(command("SARAH@KampalTech.UG", "usr_2")));

        assertThat(e).isNotNull();
        assertThat(e.email()).isEqualTo(Email.of("SARAH@KampalTech.UG"));
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.list(new CustomerListCriteria.Builder(tenant).build()).data())
                .extracting(v -> v.customer().id()).containsExactly(sarah.customer().id());
    }

    @Test
    void acceptsAnEmailThatOnlyAnotherTenantUses() {
        CustomerView inOther = service.create(new CreateCustomerCommand(otherTenant, Email.of("sarah@kampaltech.ug"),
                CustomerName.of("Nakato Sarah"), ExternalId.of("usr_1"), null, null, null, null));

        CustomerView created = service.create(command("sarah@kampaltech.ug", "usr_1"));

        assertThat(store.size()).isEqualTo(2);
        assertThat(stored(tenant, created.customer().id()).email().value()).isEqualTo("sarah@kampaltech.ug");
        assertThat(stored(otherTenant, inOther.customer().id()).email().value()).isEqualTo("sarah@kampaltech.ug");
    }

    @Test
    void rejectsAnExternalIdTakenInTheTenantAndStoresNothing() {
        service.create(command("sarah@kampaltech.ug", "usr_98765"));

        CustomerExternalIdTakenException e = catchThrowableOfType(CustomerExternalIdTakenException.class,
                () -> service.create(command("john@kampaltech.ug", "usr_98765")));

        assertThat(e).isNotNull();
        assertThat(e.externalId()).isEqualTo(ExternalId.of("usr_98765"));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void givesIdsPrefixedWithCustAndDifferentForEachCreate() {
        CustomerId first = service.create(command("sarah@kampaltech.ug", null)).customer().id();
        CustomerId second = service.create(command("john@kampaltech.ug", null)).customer().id();

        assertThat(first.value()).startsWith("cust_").hasSize(31);
        assertThat(second.value()).startsWith("cust_").hasSize(31);
        assertThat(first).isNotEqualTo(second);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void drawsIdsFromTheInjectedRandomAndClock() {
        CustomerId fromService = service.create(command("sarah@kampaltech.ug", null)).customer().id();

        assertThat(fromService).isEqualTo(CustomerId.generate(NOW, new Random(42)));
    }

    @Test
    void handsThePortTheCustomerAndItsCustomerCreatedEventInOneWrite() {
        CustomerView created = service.create(command("sarah@kampaltech.ug", "usr_1"));

        assertThat(store.created).singleElement().satisfies(write -> {
            assertThat(write.customer()).usingRecursiveComparison().isEqualTo(created.customer());
            assertThat(write.event().type()).isEqualTo(EventType.CUSTOMER_CREATED);
            assertThat(write.event().tenantId()).isEqualTo(tenant);
            assertThat(write.event().createdAt()).isEqualTo(NOW_MILLIS);
            assertThat(write.event().id()).isEqualTo(EventId.generate(NOW_MILLIS, new Random(7)));
            assertThat(write.event().body()).isEqualTo("customer.created " + write.event().id() + " "
                    + created.customer().id() + " sarah@kampaltech.ug");
        });
    }

    @Test
    void aConflictHandsThePortNothingThatWasStored() {
        service.create(command("sarah@kampaltech.ug", "usr_1"));

        assertThatThrownBy(() -> service.create(command("SARAH@kampaltech.ug", null)))
                .isInstanceOf(CustomerEmailTakenException.class);

        assertThat(store.created).hasSize(1);
    }

    private CreateCustomerCommand command(String email, String externalIdOrNull) {
        return new CreateCustomerCommand(tenant, Email.of(email), CustomerName.of("Nakato Sarah"),
                externalIdOrNull == null ? null : ExternalId.of(externalIdOrNull), null, null, null, null);
    }

    private Customer stored(TenantId tenantId, CustomerId id) {
        return store.findForUpdate(tenantId, id).orElseThrow(() -> new AssertionError("not stored: " + id));
    }
}
