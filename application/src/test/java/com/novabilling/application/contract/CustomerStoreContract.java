package com.novabilling.application.contract;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every customer store must do (the {@link CustomerRepository}, {@link CustomerReadModel} and
 * {@link BillingRecords} out-ports), run against the PostgreSQL and the in-memory adapters
 * (adapters-persistence tests) and against the application tests' fake, so the fake tells the truth.
 * {@link #newTenant()} must return a tenant the store knows (both adapters refuse customers of unknown
 * tenants). A new adapter extends this class in its tests; see README "Write your own adapter".
 */
public abstract class CustomerStoreContract {

    protected TenantId tenant;
    protected TenantId otherTenant;

    protected abstract CustomerRepository repository();

    protected abstract CustomerReadModel readModel();

    protected abstract BillingRecords billingRecords();

    /** A tenant that exists in the store and holds no customers yet. */
    protected abstract TenantId newTenant();

    protected abstract void givenSubscription(TenantId tenantId, Customer customer, String status);

    protected abstract void givenInvoice(TenantId tenantId, Customer customer, String status, String currency,
                                         BigDecimal amountPaid);

    protected abstract List<String> subscriptionStatuses(TenantId tenantId, Customer customer);

    protected abstract List<String> invoiceStatuses(TenantId tenantId, Customer customer);

    @BeforeEach
    void tenants() {
        tenant = newTenant();
        otherTenant = newTenant();
    }

    private Customer stored(Customer customer) {
        repository().insert(customer);
        return customer;
    }

    private CustomerListCriteria.Builder criteria() {
        return new CustomerListCriteria.Builder(tenant);
    }

    @Test
    void storedCustomerReadsBackWithEveryField() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("userId", "usr_98765");
        metadata.put("seats", 12);
        metadata.put("ratio", new BigDecimal("0.75"));
        metadata.put("vip", true);
        Customer sarah = stored(aCustomer().in(tenant).withMetadata(metadata).build());

        CustomerView view = readModel().findView(tenant, sarah.id()).orElseThrow();

        Customer read = view.customer();
        assertThat(read.id()).isEqualTo(sarah.id());
        assertThat(read.tenantId()).isEqualTo(tenant);
        assertThat(read.email()).isEqualTo(Email.of("sarah@kampaltech.ug"));
        assertThat(read.name()).isEqualTo(CustomerName.of("Nakato Sarah"));
        assertThat(read.externalId()).contains(ExternalId.of("usr_98765"));
        assertThat(read.country()).contains(CountryCode.of("UG"));
        assertThat(read.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(read.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(read.metadata()).isEqualTo(Metadata.of(metadata));
        assertThat(read.metadata().asMap().keySet()).containsExactlyInAnyOrder("userId", "seats", "ratio", "vip");
        assertThat(read.createdAt()).isEqualTo(sarah.createdAt());
        assertThat(read.updatedAt()).isEqualTo(sarah.updatedAt());
        assertThat(view.totalSpent().amount()).isEqualByComparingTo("0");
        assertThat(view.totalSpent().currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(view.activeSubscriptions()).isZero();
    }

    @Test
    void customerWithoutOptionalFieldsReadsBackEmpty() {
        Customer bare = stored(aCustomer().in(tenant).withExternalId(null).withCountry(null)
                .withMetadata(Map.of()).build());

        Customer read = readModel().findView(tenant, bare.id()).orElseThrow().customer();

        assertThat(read.externalId()).isEmpty();
        assertThat(read.country()).isEmpty();
        assertThat(read.metadata().asMap()).isEmpty();
    }

    @Test
    void rejectsDuplicateEmailCaseInsensitively() {
        stored(aCustomer().in(tenant).withEmail("sarah@kampaltech.ug").withExternalId("a").build());
        Customer shouting = aCustomer().in(tenant).withEmail("SARAH@KampalTech.UG").withExternalId("b").build();

        assertThatThrownBy(() -> repository().insert(shouting)).isInstanceOf(CustomerEmailTakenException.class);
        assertThat(readModel().findView(tenant, shouting.id())).isEmpty();
    }

    @Test
    void sameEmailMayExistInAnotherTenant() {
        stored(aCustomer().in(tenant).build());
        Customer elsewhere = stored(aCustomer().in(otherTenant).build());

        assertThat(readModel().findView(otherTenant, elsewhere.id())).isPresent();
    }

    @Test
    void rejectsDuplicateExternalIdWithinTenant() {
        stored(aCustomer().in(tenant).withEmail("a@x.io").withExternalId("usr_1").build());
        Customer twin = aCustomer().in(tenant).withEmail("b@x.io").withExternalId("usr_1").build();

        assertThatThrownBy(() -> repository().insert(twin)).isInstanceOf(CustomerExternalIdTakenException.class);
    }

    @Test
    void manyCustomersMayHaveNoExternalId() {
        stored(aCustomer().in(tenant).withEmail("a@x.io").withExternalId(null).build());
        stored(aCustomer().in(tenant).withEmail("b@x.io").withExternalId(null).build());

        assertThat(readModel().list(criteria().build()).total()).isEqualTo(2);
    }

    @Test
    void updateWritesEveryChangedField() {
        Customer sarah = stored(aCustomer().in(tenant).build());
        Customer loaded = repository().findForUpdate(tenant, sarah.id()).orElseThrow();
        Instant later = sarah.createdAt().plusSeconds(60);
        loaded.rename(CustomerName.of("Nakato Sarah Williams"), later);
        loaded.changeEmail(Email.of("sarah.w@kampaltech.ug"), later);
        loaded.changeCountry(null, later);
        loaded.changeExternalId(null, later);
        loaded.changeStatus(CustomerStatus.INACTIVE, later);
        loaded.changeCurrency(CurrencyCode.of("KES"), later);
        loaded.replaceMetadata(Metadata.of(Map.of("accountType", "enterprise")), later);

        repository().update(loaded);

        Customer read = readModel().findView(tenant, sarah.id()).orElseThrow().customer();
        assertThat(read.name().value()).isEqualTo("Nakato Sarah Williams");
        assertThat(read.email().value()).isEqualTo("sarah.w@kampaltech.ug");
        assertThat(read.country()).isEmpty();
        assertThat(read.externalId()).isEmpty();
        assertThat(read.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(read.currency()).isEqualTo(CurrencyCode.of("KES"));
        assertThat(read.metadata().asMap()).containsExactly(Map.entry("accountType", "enterprise"));
        assertThat(read.updatedAt()).isEqualTo(later);
        assertThat(read.createdAt()).isEqualTo(sarah.createdAt());
    }

    @Test
    void updateToAnEmailOfAnotherCustomerConflicts() {
        stored(aCustomer().in(tenant).withEmail("taken@x.io").withExternalId("a").build());
        Customer other = stored(aCustomer().in(tenant).withEmail("free@x.io").withExternalId("b").build());
        Customer loaded = repository().findForUpdate(tenant, other.id()).orElseThrow();
        loaded.changeEmail(Email.of("Taken@X.io"), Instant.now());

        assertThatThrownBy(() -> repository().update(loaded)).isInstanceOf(CustomerEmailTakenException.class);
        assertThat(readModel().findView(tenant, other.id()).orElseThrow().customer().email().value())
                .isEqualTo("free@x.io");
    }

    @Test
    void updateToAnExternalIdOfAnotherCustomerConflicts() {
        stored(aCustomer().in(tenant).withEmail("a@x.io").withExternalId("usr_a").build());
        Customer other = stored(aCustomer().in(tenant).withEmail("b@x.io").withExternalId("usr_b").build());
        Customer loaded = repository().findForUpdate(tenant, other.id()).orElseThrow();
        loaded.changeExternalId(ExternalId.of("usr_a"), Instant.now());

        assertThatThrownBy(() -> repository().update(loaded)).isInstanceOf(CustomerExternalIdTakenException.class);
    }

    @Test
    void everyLookupIsScopedToItsTenant() {
        Customer sarah = stored(aCustomer().in(tenant).build());

        assertThat(repository().findForUpdate(otherTenant, sarah.id())).isEmpty();
        assertThat(readModel().findView(otherTenant, sarah.id())).isEmpty();
        assertThat(repository().delete(otherTenant, sarah.id())).isFalse();
        assertThat(readModel().list(new CustomerListCriteria.Builder(otherTenant).build()).data()).isEmpty();
        assertThat(readModel().findView(tenant, sarah.id())).isPresent();
    }

    @Test
    void deleteRemovesTheCustomer() {
        Customer sarah = stored(aCustomer().in(tenant).build());

        assertThat(repository().delete(tenant, sarah.id())).isTrue();

        assertThat(readModel().findView(tenant, sarah.id())).isEmpty();
        assertThat(repository().delete(tenant, sarah.id())).isFalse();
    }

    @Test
    void deletedCustomersEmailCanBeUsedAgain() {
        Customer sarah = stored(aCustomer().in(tenant).build());
        repository().delete(tenant, sarah.id());

        Customer again = stored(aCustomer().in(tenant).build());

        assertThat(readModel().findView(tenant, again.id())).isPresent();
    }

    @Test
    void totalSpentSumsPaidInvoicesInTheCustomersCurrency() {
        Customer sarah = stored(aCustomer().in(tenant).withCurrency("UGX").build());
        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("150000"));
        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("50000.5"));
        givenInvoice(tenant, sarah, "open", "UGX", new BigDecimal("0"));
        givenInvoice(tenant, sarah, "paid", "USD", new BigDecimal("99"));
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, sarah, "canceled");

        CustomerView view = readModel().findView(tenant, sarah.id()).orElseThrow();

        assertThat(view.totalSpent().amount()).isEqualByComparingTo("200000.5");
        assertThat(view.totalSpent().currency().value()).isEqualTo("UGX");
        assertThat(view.activeSubscriptions()).isEqualTo(2);
        assertThat(billingRecords().summarize(tenant, sarah.id(), CurrencyCode.of("UGX")).totalSpent().amount())
                .isEqualByComparingTo("200000.5");
        assertThat(readModel().list(criteria().build()).data().get(0).activeSubscriptions()).isEqualTo(2);
    }

    @Test
    void totalsFollowTheBillingRecordsAsTheyChange() {
        Customer sarah = stored(aCustomer().in(tenant).withCurrency("UGX").build());
        Customer bob = stored(aCustomer().in(tenant).withEmail("bob@x.io").withExternalId("bob").build());
        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("100"));
        givenInvoice(tenant, sarah, "paid", "KES", new BigDecimal("7.25"));
        givenInvoice(tenant, sarah, "open", "UGX", new BigDecimal("0"));
        givenInvoice(tenant, bob, "paid", "UGX", new BigDecimal("5"));
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, bob, "active");
        assertTotals(sarah, "100", 2);

        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("0.5"));
        billingRecords().cancelActiveSubscriptions(tenant, sarah.id());
        billingRecords().voidUnpaidInvoices(tenant, sarah.id());
        assertTotals(sarah, "100.5", 0);

        // a new currency counts that currency's paid invoices, at once
        Customer loaded = repository().findForUpdate(tenant, sarah.id()).orElseThrow();
        loaded.changeCurrency(CurrencyCode.of("KES"), sarah.createdAt().plusSeconds(1));
        repository().update(loaded);
        assertTotals(sarah, "7.25", 0);
        assertThat(billingRecords().summarize(tenant, sarah.id(), CurrencyCode.of("KES")).totalSpent().amount())
                .isEqualByComparingTo("7.25");
        givenInvoice(tenant, sarah, "paid", "KES", new BigDecimal("1"));
        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("1000"));
        assertTotals(sarah, "8.25", 0);
        assertTotals(bob, "5", 1);

        assertThat(repository().delete(tenant, sarah.id())).isTrue();
        assertThat(readModel().findView(tenant, sarah.id())).isEmpty();
        assertTotals(bob, "5", 1);
    }

    private void assertTotals(Customer customer, String totalSpent, long activeSubscriptions) {
        CustomerView view = readModel().findView(tenant, customer.id()).orElseThrow();
        assertThat(view.totalSpent().amount()).isEqualByComparingTo(totalSpent);
        assertThat(view.activeSubscriptions()).isEqualTo(activeSubscriptions);
        CustomerView listed = readModel().list(criteria().limit(100).build()).data().stream()
                .filter(v -> v.customer().id().equals(customer.id())).findFirst().orElseThrow();
        assertThat(listed.totalSpent().amount()).isEqualByComparingTo(totalSpent);
        assertThat(listed.activeSubscriptions()).isEqualTo(activeSubscriptions);
    }

    @Test
    void billingRecordsOfAnotherTenantDoNotCount() {
        Customer sarah = stored(aCustomer().in(tenant).build());
        givenInvoice(otherTenant, sarah, "paid", "UGX", new BigDecimal("1000"));
        givenSubscription(otherTenant, sarah, "active");

        CustomerView view = readModel().findView(tenant, sarah.id()).orElseThrow();

        assertThat(view.totalSpent().amount()).isEqualByComparingTo("0");
        assertThat(view.activeSubscriptions()).isZero();
    }

    @Test
    void cancelsActiveSubscriptionsAndVoidsUnpaidInvoicesOfThatCustomerOnly() {
        Customer sarah = stored(aCustomer().in(tenant).build());
        Customer bob = stored(aCustomer().in(tenant).withEmail("bob@x.io").withExternalId("bob").build());
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, sarah, "active");
        givenSubscription(tenant, sarah, "canceled");
        givenSubscription(tenant, bob, "active");
        givenInvoice(tenant, sarah, "draft", "UGX", BigDecimal.ZERO);
        givenInvoice(tenant, sarah, "open", "UGX", BigDecimal.ZERO);
        givenInvoice(tenant, sarah, "uncollectible", "UGX", BigDecimal.ZERO);
        givenInvoice(tenant, sarah, "paid", "UGX", new BigDecimal("10"));
        givenInvoice(tenant, bob, "open", "UGX", BigDecimal.ZERO);

        assertThat(billingRecords().cancelActiveSubscriptions(tenant, sarah.id())).isEqualTo(2);
        assertThat(billingRecords().voidUnpaidInvoices(tenant, sarah.id())).isEqualTo(3);

        assertThat(subscriptionStatuses(tenant, sarah)).containsExactly("canceled", "canceled", "canceled");
        assertThat(invoiceStatuses(tenant, sarah)).containsExactly("paid", "void", "void", "void");
        assertThat(subscriptionStatuses(tenant, bob)).containsExactly("active");
        assertThat(invoiceStatuses(tenant, bob)).containsExactly("open");
        assertThat(billingRecords().cancelActiveSubscriptions(tenant, sarah.id())).isZero();
    }

    @Test
    void listsNewestFirstByDefaultWithIdBreakingTies() {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Customer first = stored(aCustomer().in(tenant).withEmail("1@x.io").withExternalId("1").createdAt(t0).build());
        Customer tieA = stored(aCustomer().in(tenant).withEmail("2@x.io").withExternalId("2").createdAt(t0.plusSeconds(5)).build());
        Customer tieB = stored(aCustomer().in(tenant).withEmail("3@x.io").withExternalId("3").createdAt(t0.plusSeconds(5)).build());
        Customer last = stored(aCustomer().in(tenant).withEmail("4@x.io").withExternalId("4").createdAt(t0.plusSeconds(9)).build());

        CustomerPage page = readModel().list(criteria().build());

        Customer higherTie = tieA.id().value().compareTo(tieB.id().value()) > 0 ? tieA : tieB;
        Customer lowerTie = higherTie == tieA ? tieB : tieA;
        assertThat(ids(page)).containsExactly(last.id().value(), higherTie.id().value(), lowerTie.id().value(),
                first.id().value());
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void pagesNeverOverlapOrSkipEvenWithEqualSortKeys() {
        Instant same = Instant.parse("2025-01-01T00:00:00Z");
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            all.add(stored(aCustomer().in(tenant).withEmail(i + "@x.io").withExternalId("e" + i).withName("Same Name")
                    .createdAt(same).build()).id().value());
        }
        for (CustomerSortField field : CustomerSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                List<String> seen = new ArrayList<>();
                for (int p = 1; p <= 3; p++) {
                    CustomerPage page = readModel().list(criteria().page(p).limit(3).sortBy(field).sortOrder(order).build());
                    seen.addAll(ids(page));
                    assertThat(page.total()).isEqualTo(7);
                    assertThat(page.totalPages()).isEqualTo(3);
                    assertThat(page.hasMore()).isEqualTo(p < 3);
                }
                assertThat(seen).as("%s %s", field, order).hasSize(7).containsExactlyInAnyOrderElementsOf(all);
            }
        }
    }

    @Test
    void sortsByNameAndEmailInBothDirections() {
        stored(aCustomer().in(tenant).withName("Charlie").withEmail("a@x.io").withExternalId("1").build());
        stored(aCustomer().in(tenant).withName("Alice").withEmail("c@x.io").withExternalId("2").build());
        stored(aCustomer().in(tenant).withName("Bob").withEmail("b@x.io").withExternalId("3").build());

        assertThat(names(readModel().list(criteria().sortBy(CustomerSortField.NAME).sortOrder(SortOrder.ASC).build())))
                .containsExactly("Alice", "Bob", "Charlie");
        assertThat(names(readModel().list(criteria().sortBy(CustomerSortField.NAME).sortOrder(SortOrder.DESC).build())))
                .containsExactly("Charlie", "Bob", "Alice");
        assertThat(names(readModel().list(criteria().sortBy(CustomerSortField.EMAIL).sortOrder(SortOrder.ASC).build())))
                .containsExactly("Charlie", "Bob", "Alice");
    }

    @Test
    void searchIsCaseInsensitiveSubstringOfNameOrEmail() {
        stored(aCustomer().in(tenant).withName("Nakato Sarah").withEmail("n@kampaltech.ug").withExternalId("1").build());
        stored(aCustomer().in(tenant).withName("Okello John").withEmail("SARAH.o@x.io").withExternalId("2").build());
        stored(aCustomer().in(tenant).withName("Amina Yusuf").withEmail("amina@x.io").withExternalId("3").build());
        stored(aCustomer().in(otherTenant).withName("Sarah Elsewhere").withEmail("s@x.io").withExternalId("4").build());

        CustomerPage page = readModel().list(criteria().search("sArAh").sortBy(CustomerSortField.NAME)
                .sortOrder(SortOrder.ASC).build());

        assertThat(names(page)).containsExactly("Nakato Sarah", "Okello John");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void searchMatchesPercentUnderscoreAndBackslashLiterally() {
        stored(aCustomer().in(tenant).withName("100% Cotton Ltd").withEmail("a@x.io").withExternalId("1").build());
        stored(aCustomer().in(tenant).withName("snake_case Inc").withEmail("b@x.io").withExternalId("2").build());
        stored(aCustomer().in(tenant).withName("Back\\slash Co").withEmail("c@x.io").withExternalId("3").build());
        stored(aCustomer().in(tenant).withName("Plain Name").withEmail("d@x.io").withExternalId("4").build());

        assertThat(names(readModel().list(criteria().search("%").build()))).containsExactly("100% Cotton Ltd");
        assertThat(names(readModel().list(criteria().search("_").build()))).containsExactly("snake_case Inc");
        assertThat(names(readModel().list(criteria().search("\\").build()))).containsExactly("Back\\slash Co");
        assertThat(names(readModel().list(criteria().search("'; drop table customers; --").build()))).isEmpty();
        assertThat(readModel().list(criteria().build()).total()).isEqualTo(4);
    }

    @Test
    void filtersByStatusCountryCurrencyExternalIdAndEmail() {
        stored(aCustomer().in(tenant).withEmail("ug@x.io").withExternalId("u1").withCountry("UG").withCurrency("UGX").build());
        stored(aCustomer().in(tenant).withEmail("ke@x.io").withExternalId("k1").withCountry("KE").withCurrency("KES")
                .withStatus(CustomerStatus.INACTIVE).build());
        stored(aCustomer().in(tenant).withEmail("ng@x.io").withExternalId("n1").withCountry("NG").withCurrency("NGN").build());

        assertThat(emails(readModel().list(criteria().status(CustomerStatus.INACTIVE).build()))).containsExactly("ke@x.io");
        assertThat(emails(readModel().list(criteria().country(CountryCode.of("ng")).build()))).containsExactly("ng@x.io");
        assertThat(emails(readModel().list(criteria().currency(CurrencyCode.of("UGX")).build()))).containsExactly("ug@x.io");
        assertThat(emails(readModel().list(criteria().externalId(ExternalId.of("k1")).build()))).containsExactly("ke@x.io");
        assertThat(emails(readModel().list(criteria().email(Email.of("NG@X.IO")).build()))).containsExactly("ng@x.io");
        assertThat(emails(readModel().list(criteria().status(CustomerStatus.ACTIVE).currency(CurrencyCode.of("KES")).build())))
                .isEmpty();
    }

    @Test
    void pageBeyondTheEndIsEmptyButCountsTotal() {
        stored(aCustomer().in(tenant).build());

        CustomerPage page = readModel().list(criteria().page(5).limit(10).build());

        assertThat(page.data()).isEmpty();
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void metadataComesBackInCodePointKeyOrderWithExactNumbers() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("zeta", "last");
        metadata.put("big", new BigDecimal("123456789012345678901234567890"));
        metadata.put("fine", new BigDecimal("1234567890.12345678901234567891"));
        metadata.put("tiny", new BigDecimal("0.00000000000000000001"));
        metadata.put("\uD83D\uDE00", "U+1F600");
        metadata.put("\uFB01", "U+FB01");
        metadata.put("Alpha", false);
        metadata.put("quote", "say \"hi\" \\ \u00e9");
        Customer sarah = stored(aCustomer().in(tenant).withMetadata(metadata).build());

        Metadata read = readModel().findView(tenant, sarah.id()).orElseThrow().customer().metadata();

        assertThat(read.asMap().keySet()).containsExactly("Alpha", "big", "fine", "quote", "tiny", "zeta",
                "\uFB01", "\uD83D\uDE00");
        assertThat(read.asMap().get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(read.asMap().get("fine")).isEqualTo(new BigDecimal("1234567890.12345678901234567891"));
        assertThat(read.asMap().get("tiny")).isEqualTo(new BigDecimal("0.00000000000000000001"));
        assertThat(read.asMap().get("quote")).isEqualTo("say \"hi\" \\ \u00e9");
        assertThat(read).isEqualTo(sarah.metadata());
        assertThat(List.copyOf(readModel().list(criteria().build()).data().get(0).customer().metadata().asMap().keySet()))
                .isEqualTo(List.copyOf(read.asMap().keySet()));
        assertThat(List.copyOf(repository().findForUpdate(tenant, sarah.id()).orElseThrow().metadata().asMap().keySet()))
                .isEqualTo(List.copyOf(read.asMap().keySet()));
    }

    @Test
    void namesSortByCodePointAndEmailsCompareByLowerCase() {
        stored(aCustomer().in(tenant).withName("\uD83D\uDE00 Smile Ltd").withEmail("s@x.io").withExternalId("1").build());
        stored(aCustomer().in(tenant).withName("\uFB01ne Foods").withEmail("f@x.io").withExternalId("2").build());
        stored(aCustomer().in(tenant).withName("\u00c9mile Bakery").withEmail("\u00c9mile@x.io").withExternalId("3").build());
        stored(aCustomer().in(tenant).withName("Zed").withEmail("z@x.io").withExternalId("4").build());
        Customer shouting = aCustomer().in(tenant).withEmail("\u00e9MILE@X.IO").withExternalId("5").build();

        assertThat(names(readModel().list(criteria().sortBy(CustomerSortField.NAME).sortOrder(SortOrder.ASC).build())))
                .containsExactly("Zed", "\u00c9mile Bakery", "\uFB01ne Foods", "\uD83D\uDE00 Smile Ltd");
        assertThatThrownBy(() -> repository().insert(shouting)).isInstanceOf(CustomerEmailTakenException.class);
        assertThat(names(readModel().list(criteria().search("\u00e9MILE").build()))).containsExactly("\u00c9mile Bakery");
        assertThat(names(readModel().list(criteria().email(Email.of("\u00e9mile@x.io")).build())))
                .containsExactly("\u00c9mile Bakery");
    }

    @Test
    void hasMoreAndTotalFollowThePages() {
        for (int i = 0; i < 5; i++) {
            stored(aCustomer().in(tenant).withEmail(i + "@x.io").withExternalId("e" + i)
                    .createdAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)).build());
        }

        CustomerPage first = readModel().list(criteria().limit(2).page(1).build());
        CustomerPage last = readModel().list(criteria().limit(2).page(3).build());

        assertThat(first.data()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalIsExact()).isTrue();
        assertThat(last.data()).hasSize(1);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.total()).isEqualTo(5);
    }

    /** Seven customers with ties in createdAt, updatedAt and name (the id breaks them), in this tenant. */
    private List<Customer> keysetCustomers() {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        String[] names = {"Kwame Mensah", "Amina Diallo", "Kwame Mensah", "Zed", "amina", "Kwame Mensah", "Bob"};
        int[] seconds = {0, 5, 5, 5, 9, 12, 12};
        List<Customer> all = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            all.add(stored(aCustomer().in(tenant).withName(names[i]).withEmail("K" + (7 - i) + "@x.io")
                    .withExternalId("k" + i).createdAt(t0.plusSeconds(seconds[i])).build()));
        }
        for (int i : new int[] {0, 3}) {
            Customer loaded = repository().findForUpdate(tenant, all.get(i).id()).orElseThrow();
            loaded.changeCountry(null, t0.plusSeconds(12));
            repository().update(loaded);
        }
        return all;
    }

    /** Every id, by following startingAfter from the first page to the last, limit rows at a time. */
    private List<String> walkForward(CustomerListCriteria.Builder query, int limit) {
        List<String> seen = new ArrayList<>();
        CustomerPage page = readModel().list(query.limit(limit).build());
        seen.addAll(ids(page));
        while (page.hasMore()) {
            assertThat(page.data()).hasSize(limit);
            page = readModel().list(query.limit(limit).startingAfter(page.data().get(limit - 1).customer().id())
                    .build());
            seen.addAll(ids(page));
        }
        return seen;
    }

    @Test
    void keysetPagesWalkEveryOrderBothWaysLikeTheOffsetPages() {
        keysetCustomers();
        for (CustomerSortField field : CustomerSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                List<String> expected = ids(readModel().list(criteria().sortBy(field).sortOrder(order).limit(100)
                        .build()));
                assertThat(expected).as(field + " " + order).hasSize(7);

                assertThat(walkForward(criteria().sortBy(field).sortOrder(order), 2)).as(field + " " + order)
                        .isEqualTo(expected);

                // backwards from the last customer: endingBefore pages come in list order, hasMore looks back
                List<String> backwards = new ArrayList<>();
                String cursor = expected.get(expected.size() - 1);
                CustomerPage page;
                do {
                    page = readModel().list(criteria().sortBy(field).sortOrder(order).limit(3)
                            .endingBefore(new com.novabilling.domain.customer.CustomerId(cursor)).build());
                    backwards.addAll(0, ids(page));
                    cursor = page.data().isEmpty() ? cursor : ids(page).get(0);
                } while (page.hasMore());
                assertThat(backwards).as(field + " " + order).isEqualTo(expected.subList(0, expected.size() - 1));
                assertThat(page.total()).isEqualTo(7);
                assertThat(page.page()).isEqualTo(1);

                // past either end: an empty page, not a refused cursor
                CustomerPage afterLast = readModel().list(criteria().sortBy(field).sortOrder(order).limit(3)
                        .startingAfter(new com.novabilling.domain.customer.CustomerId(expected.get(6))).build());
                assertThat(afterLast.data()).as(field + " " + order).isEmpty();
                assertThat(afterLast.hasMore()).isFalse();
                assertThat(afterLast.total()).isEqualTo(7);
                CustomerPage beforeFirst = readModel().list(criteria().sortBy(field).sortOrder(order).limit(3)
                        .endingBefore(new com.novabilling.domain.customer.CustomerId(expected.get(0))).build());
                assertThat(beforeFirst.data()).as(field + " " + order).isEmpty();
                assertThat(beforeFirst.hasMore()).isFalse();
            }
        }
    }

    @Test
    void keysetPagesOfASearchAndFiltersFollowTheOffsetPages() {
        keysetCustomers();
        CustomerListCriteria.Builder kwame = criteria().search("KWAME").sortBy(CustomerSortField.NAME);
        List<String> expected = ids(readModel().list(criteria().search("KWAME").sortBy(CustomerSortField.NAME)
                .build()));
        assertThat(expected).hasSize(3);
        assertThat(walkForward(kwame, 1)).isEqualTo(expected);

        CustomerPage last = readModel().list(criteria().search("kwame").sortBy(CustomerSortField.NAME).limit(1)
                .startingAfter(new com.novabilling.domain.customer.CustomerId(expected.get(2))).build());
        assertThat(last.data()).isEmpty();
        assertThat(last.hasMore()).isFalse();
        assertThat(last.total()).isEqualTo(3);
    }

    @Test
    void aCursorOfNoCustomerOfTheTenantIsRefused() {
        keysetCustomers();
        Customer elsewhere = stored(aCustomer().in(otherTenant).build());
        for (var cursor : List.of(elsewhere.id(), aCustomer().in(tenant).build().id())) {
            assertThatThrownBy(() -> readModel().list(criteria().startingAfter(cursor).build()))
                    .isInstanceOf(com.novabilling.domain.shared.DomainValidationException.class)
                    .hasMessageContaining("startingAfter");
            assertThatThrownBy(() -> readModel().list(criteria().endingBefore(cursor).build()))
                    .isInstanceOf(com.novabilling.domain.shared.DomainValidationException.class)
                    .hasMessageContaining("endingBefore");
        }
    }

    @Test
    void keysetPagingNeitherSkipsNorRepeatsWhileCustomersComeAndGo() {
        List<Customer> all = keysetCustomers();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Set<String> throughout = new HashSet<>();
        all.forEach(c -> throughout.add(c.id().value()));
        // customers deleted during the walk: never the one a cursor names
        List<Customer> doomed = new ArrayList<>(List.of(all.get(1), all.get(4)));
        doomed.forEach(c -> throughout.remove(c.id().value()));

        List<String> seen = new ArrayList<>();
        CustomerPage page = readModel().list(criteria().limit(2).build());
        int round = 0;
        while (true) {
            seen.addAll(ids(page));
            // between pages: one newer, one older and one tied customer arrive; a doomed one leaves
            for (int s : new int[] {100 + round, -10 - round, 5}) {
                stored(aCustomer().in(tenant).withEmail("new" + round + "_" + s + "@x.io")
                        .withExternalId("n" + round + "_" + s).createdAt(t0.plusSeconds(s)).build());
            }
            if (!doomed.isEmpty()) {
                Customer gone = doomed.remove(0);
                if (!ids(page).contains(gone.id().value())) {
                    repository().delete(tenant, gone.id());
                }
            }
            round++;
            if (!page.hasMore()) {
                break;
            }
            page = readModel().list(criteria().limit(2).startingAfter(page.data().get(1).customer().id()).build());
        }
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(throughout);
    }

    private static List<String> ids(CustomerPage page) {
        return page.data().stream().map(v -> v.customer().id().value()).toList();
    }

    private static List<String> names(CustomerPage page) {
        return page.data().stream().map(v -> v.customer().name().value()).toList();
    }

    private static List<String> emails(CustomerPage page) {
        return page.data().stream().map(v -> v.customer().email().value()).toList();
    }
}
