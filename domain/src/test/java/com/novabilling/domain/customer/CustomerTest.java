package com.novabilling.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.novabilling.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerTest {

    private static final Instant CREATED = Instant.parse("2025-01-10T08:00:00.123456789Z");
    private static final Instant CREATED_MILLIS = Instant.parse("2025-01-10T08:00:00.123Z");
    private static final Instant LATER = Instant.parse("2025-02-01T12:30:45.678901Z");
    private static final Instant LATER_MILLIS = Instant.parse("2025-02-01T12:30:45.678Z");
    private static final TenantId TENANT = new TenantId("acme");
    private static final CustomerId ID = CustomerId.generate(CREATED, new SplittableRandom(1));

    private static Customer jane() {
        return Customer.register(ID, TENANT, Email.of("jane@example.com"), CustomerName.of("Jane Doe"),
                ExternalId.of("crm-1"), CountryCode.of("UG"), CurrencyCode.of("UGX"), CustomerStatus.ACTIVE,
                Metadata.of(Map.of("plan", "gold")), CREATED);
    }

    private static Customer minimal() {
        return Customer.register(ID, TENANT, Email.of("min@example.com"), CustomerName.of("Min"),
                null, null, CurrencyCode.USD, CustomerStatus.ACTIVE, Metadata.empty(), CREATED);
    }

    @Test
    void registerKeepsEveryField() {
        Customer c = jane();

        assertThat(c.id()).isEqualTo(ID);
        assertThat(c.tenantId()).isEqualTo(TENANT);
        assertThat(c.email()).isEqualTo(Email.of("jane@example.com"));
        assertThat(c.name()).isEqualTo(CustomerName.of("Jane Doe"));
        assertThat(c.externalId()).contains(ExternalId.of("crm-1"));
        assertThat(c.country()).contains(CountryCode.of("UG"));
        assertThat(c.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.metadata()).isEqualTo(Metadata.of(Map.of("plan", "gold")));
    }

    @Test
    void registerTruncatesTimestampsToMillisAndSetsBothEqual() {
        Customer c = jane();

        assertThat(c.createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(c.updatedAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void registerWithoutOptionalFieldsLeavesThemEmpty() {
        Customer c = minimal();

        assertThat(c.externalId()).isEmpty();
        assertThat(c.country()).isEmpty();
    }

    @Test
    void registerRequiresEveryMandatoryArgument() {
        Email email = Email.of("a@b.co");
        CustomerName name = CustomerName.of("A");
        CurrencyCode usd = CurrencyCode.USD;
        CustomerStatus active = CustomerStatus.ACTIVE;
        Metadata meta = Metadata.empty();
        assertThatThrownBy(() -> Customer.register(null, TENANT, email, name, null, null, usd, active, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Customer.register(ID, null, email, name, null, null, usd, active, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("tenantId");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, null, name, null, null, usd, active, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("email");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, email, null, null, null, usd, active, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, email, name, null, null, null, active, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("currency");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, email, name, null, null, usd, null, meta, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("status");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, email, name, null, null, usd, active, null, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("metadata");
        assertThatThrownBy(() -> Customer.register(ID, TENANT, email, name, null, null, usd, active, meta, null))
                .isInstanceOf(NullPointerException.class).hasMessage("now");
    }

    @Test
    void restoreKeepsTimestampsExactly() {
        Instant created = Instant.parse("2024-05-05T05:05:05.123456Z");
        Instant updated = Instant.parse("2024-06-06T06:06:06.654321Z");

        Customer c = Customer.restore(ID, TENANT, Email.of("jane@example.com"), CustomerName.of("Jane"), null,
                CountryCode.of("KE"), CurrencyCode.of("KES"), CustomerStatus.INACTIVE, Metadata.empty(), created, updated);

        assertThat(c.createdAt()).isEqualTo(created);
        assertThat(c.updatedAt()).isEqualTo(updated);
        assertThat(c.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(c.externalId()).isEmpty();
        assertThat(c.country()).contains(CountryCode.of("KE"));
    }

    @Test
    void restoreRequiresTimestamps() {
        assertThatThrownBy(() -> Customer.restore(ID, TENANT, Email.of("a@b.co"), CustomerName.of("A"), null, null,
                CurrencyCode.USD, CustomerStatus.ACTIVE, Metadata.empty(), null, CREATED))
                .isInstanceOf(NullPointerException.class).hasMessage("createdAt");
        assertThatThrownBy(() -> Customer.restore(ID, TENANT, Email.of("a@b.co"), CustomerName.of("A"), null, null,
                CurrencyCode.USD, CustomerStatus.ACTIVE, Metadata.empty(), CREATED, null))
                .isInstanceOf(NullPointerException.class).hasMessage("updatedAt");
    }

    @Test
    void changeEmailMovesUpdatedAt() {
        Customer c = jane();

        c.changeEmail(Email.of("jane.doe@example.com"), LATER);

        assertThat(c.email()).isEqualTo(Email.of("jane.doe@example.com"));
        assertThat(c.updatedAt()).isEqualTo(LATER_MILLIS);
        assertThat(c.createdAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void changeEmailCaseOnlyIsAChange() {
        Customer c = jane();

        c.changeEmail(Email.of("Jane@Example.com"), LATER);

        assertThat(c.email().value()).isEqualTo("Jane@Example.com");
        assertThat(c.updatedAt()).isEqualTo(LATER_MILLIS);
    }

    /** Each behaviour, with a value different from {@link #jane()}'s and one equal to it. */
    static Stream<Arguments> changes() {
        return Stream.of(
                change("changeEmail", (c, at) -> c.changeEmail(Email.of("new@example.com"), at),
                        (c, at) -> c.changeEmail(Email.of("jane@example.com"), at)),
                change("rename", (c, at) -> c.rename(CustomerName.of("Jane Roe"), at),
                        (c, at) -> c.rename(CustomerName.of(" Jane Doe "), at)),
                change("changeExternalId", (c, at) -> c.changeExternalId(ExternalId.of("crm-2"), at),
                        (c, at) -> c.changeExternalId(ExternalId.of("crm-1"), at)),
                change("clearExternalId", (c, at) -> c.changeExternalId(null, at),
                        (c, at) -> c.changeExternalId(ExternalId.of("crm-1"), at)),
                change("changeCountry", (c, at) -> c.changeCountry(CountryCode.of("KE"), at),
                        (c, at) -> c.changeCountry(CountryCode.of("ug"), at)),
                change("clearCountry", (c, at) -> c.changeCountry(null, at),
                        (c, at) -> c.changeCountry(CountryCode.of("UG"), at)),
                change("changeCurrency", (c, at) -> c.changeCurrency(CurrencyCode.of("KES"), at),
                        (c, at) -> c.changeCurrency(CurrencyCode.of("ugx"), at)),
                change("changeStatus", (c, at) -> c.changeStatus(CustomerStatus.INACTIVE, at),
                        (c, at) -> c.changeStatus(CustomerStatus.ACTIVE, at)),
                change("replaceMetadata", (c, at) -> c.replaceMetadata(Metadata.of(Map.of("plan", "silver")), at),
                        (c, at) -> c.replaceMetadata(Metadata.of(Map.of("plan", "gold")), at)),
                change("clearMetadata", (c, at) -> c.replaceMetadata(Metadata.empty(), at),
                        (c, at) -> c.replaceMetadata(Metadata.of(Map.of("plan", "gold")), at)));
    }

    private static Arguments change(String name, BiConsumer<Customer, Instant> differentValue,
            BiConsumer<Customer, Instant> sameValue) {
        return Arguments.of(name, differentValue, sameValue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyChangeMovesUpdatedAtToTheMillisecond(String name, BiConsumer<Customer, Instant> differentValue,
            BiConsumer<Customer, Instant> sameValue) {
        Customer c = jane();

        differentValue.accept(c, LATER);

        assertThat(c.updatedAt()).isEqualTo(LATER_MILLIS);
        assertThat(c.createdAt()).isEqualTo(CREATED_MILLIS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void unchangedValueKeepsUpdatedAt(String name, BiConsumer<Customer, Instant> differentValue,
            BiConsumer<Customer, Instant> sameValue) {
        Customer c = jane();

        sameValue.accept(c, LATER);

        assertThat(c.updatedAt()).isEqualTo(CREATED_MILLIS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void updatedAtNeverGoesBeforeCreatedAt(String name, BiConsumer<Customer, Instant> differentValue,
            BiConsumer<Customer, Instant> sameValue) {
        Customer c = jane();

        differentValue.accept(c, CREATED.minusSeconds(3600));

        assertThat(c.updatedAt()).isEqualTo(c.createdAt());
    }

    @Test
    void behaviourChangesTheValues() {
        Customer c = jane();

        c.rename(CustomerName.of("Jane Roe"), LATER);
        c.changeExternalId(null, LATER);
        c.changeCountry(CountryCode.of("NG"), LATER);
        c.changeCurrency(CurrencyCode.of("NGN"), LATER);
        c.changeStatus(CustomerStatus.INACTIVE, LATER);
        c.replaceMetadata(Metadata.empty(), LATER);

        assertThat(c.name()).isEqualTo(CustomerName.of("Jane Roe"));
        assertThat(c.externalId()).isEmpty();
        assertThat(c.country()).contains(CountryCode.of("NG"));
        assertThat(c.currency()).isEqualTo(CurrencyCode.of("NGN"));
        assertThat(c.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(c.metadata()).isEqualTo(Metadata.empty());
    }

    @Test
    void setsExternalIdAndCountryWhenAbsent() {
        Customer c = minimal();

        c.changeExternalId(ExternalId.of("erp-9"), LATER);
        c.changeCountry(CountryCode.of("rw"), LATER);

        assertThat(c.externalId()).contains(ExternalId.of("erp-9"));
        assertThat(c.country()).contains(CountryCode.of("RW"));
        assertThat(c.updatedAt()).isEqualTo(LATER_MILLIS);
    }

    @Test
    void clearingAnAbsentOptionalKeepsUpdatedAt() {
        Customer c = minimal();

        c.changeExternalId(null, LATER);
        c.changeCountry(null, LATER);

        assertThat(c.updatedAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void requiredValuesCannotBeChangedToNull() {
        Customer c = jane();

        assertThatThrownBy(() -> c.changeEmail(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> c.rename(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> c.changeCurrency(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> c.changeStatus(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> c.replaceMetadata(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThat(c.updatedAt()).isEqualTo(CREATED_MILLIS);
    }

    @Test
    void customersAreEqualByTenantAndId() {
        Customer a = jane();
        Customer sameIdOtherFields = Customer.restore(ID, TENANT, Email.of("other@example.com"), CustomerName.of("Other"),
                null, null, CurrencyCode.USD, CustomerStatus.INACTIVE, Metadata.empty(), LATER, LATER);
        Customer otherTenant = Customer.restore(ID, new TenantId("globex"), Email.of("jane@example.com"),
                CustomerName.of("Jane Doe"), null, null, CurrencyCode.USD, CustomerStatus.ACTIVE, Metadata.empty(),
                CREATED, CREATED);
        Customer otherId = Customer.register(CustomerId.generate(LATER, new SplittableRandom(2)), TENANT,
                Email.of("jane@example.com"), CustomerName.of("Jane Doe"), null, null, CurrencyCode.USD,
                CustomerStatus.ACTIVE, Metadata.empty(), CREATED);

        assertThat(a).isEqualTo(sameIdOtherFields).hasSameHashCodeAs(sameIdOtherFields);
        assertThat(a).isNotEqualTo(otherTenant).isNotEqualTo(otherId);
    }

    @Test
    void toStringLeavesPersonalDataOut() {
        assertThat(jane().toString()).contains(ID.value()).contains("acme").doesNotContain("jane@example.com")
                .doesNotContain("Jane Doe");
    }
}
