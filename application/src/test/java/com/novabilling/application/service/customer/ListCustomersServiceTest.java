package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ListCustomersServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final ListCustomersService service = new ListCustomersService(store);

    private Customer alice;
    private Customer bob;
    private Customer carol;
    private Customer dan;
    private Customer eve;

    /** Five customers created a minute apart (alice first); name order and email order differ. */
    @BeforeEach
    void givenFiveCustomersAndOneInAnotherTenant() {
        alice = stored(customer(0, "Achieng Alice", "alice@nairobi.co.ke", "KE", "KES", CustomerStatus.ACTIVE));
        bob = stored(customer(1, "Bello Bob", "obi.bob@lagosfoods.ng", "NG", "NGN", CustomerStatus.INACTIVE));
        carol = stored(customer(2, "Chukwu Carol", "carol@lagosfoods.ng", "NG", "NGN", CustomerStatus.ACTIVE));
        dan = stored(customer(3, "Dembe Dan", "dan@kampaltech.ug", "UG", "UGX", CustomerStatus.ACTIVE));
        eve = stored(customer(4, "Esiri Eve", "eve@kampaltech.ug", "UG", "UGX", CustomerStatus.INACTIVE));
        store.insert(aCustomer().in(otherTenant).withName("Foreign Frank").withEmail("frank@lagosfoods.ng")
                .createdAt(T0.plusSeconds(600)).build());
    }

    @Test
    void listsTheTenantsCustomersNewestFirstByDefault() {
        CustomerPage page = service.list(criteria().build());

        assertThat(ids(page)).containsExactly(ids(eve, dan, carol, bob, alice));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void pagesThroughNamesInAscendingOrder() {
        CustomerListCriteria.Builder byName = criteria().sortBy(CustomerSortField.NAME).sortOrder(SortOrder.ASC).limit(2);

        CustomerPage first = service.list(byName.page(1).build());
        CustomerPage second = service.list(byName.page(2).build());
        CustomerPage last = service.list(byName.page(3).build());
        CustomerPage beyond = service.list(byName.page(4).build());

        assertThat(ids(first)).containsExactly(ids(alice, bob));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(ids(second)).containsExactly(ids(carol, dan));
        assertThat(second.hasMore()).isTrue();
        assertThat(ids(last)).containsExactly(ids(eve));
        assertThat(last.page()).isEqualTo(3);
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(beyond.totalPages()).isEqualTo(3);
        assertThat(beyond.hasMore()).isFalse();
    }

    @Test
    void sortsByEmailDescending() {
        CustomerPage page = service.list(criteria().sortBy(CustomerSortField.EMAIL).sortOrder(SortOrder.DESC).build());

        assertThat(ids(page)).containsExactly(ids(bob, eve, dan, carol, alice));
    }

    @Test
    void filtersByStatusCountryAndCurrency() {
        assertThat(ids(service.list(criteria().status(CustomerStatus.ACTIVE).country(CountryCode.of("NG")).build())))
                .containsExactly(ids(carol));
        assertThat(ids(service.list(criteria().currency(CurrencyCode.of("UGX")).build())))
                .containsExactly(ids(eve, dan));
        CustomerPage inactive = service.list(criteria().status(CustomerStatus.INACTIVE).build());
        assertThat(ids(inactive)).containsExactly(ids(eve, bob));
        assertThat(inactive.total()).isEqualTo(2);
    }

    @Test
    void filtersByEmailCaseInsensitivelyAndByExternalId() {
        assertThat(ids(service.list(criteria().email(Email.of("CAROL@LagosFoods.NG")).build())))
                .containsExactly(ids(carol));
        assertThat(ids(service.list(criteria().externalId(ExternalId.of("usr_bello_bob")).build())))
                .containsExactly(ids(bob));
    }

    @Test
    void searchesNameOrEmailCaseInsensitively() {
        assertThat(ids(service.list(criteria().search("LAGOS").build()))).containsExactly(ids(carol, bob));
        assertThat(ids(service.list(criteria().search("achieng").build()))).containsExactly(ids(alice));
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() {
        Customer percent = stored(customer(10, "100% Juice", "juice@kampaltech.ug", "UG", "UGX", CustomerStatus.ACTIVE));
        stored(customer(11, "1000 Juices", "juices@kampaltech.ug", "UG", "UGX", CustomerStatus.ACTIVE));
        Customer underscore = stored(customer(12, "Odongo Okot", "o_okot@kampaltech.ug", "UG", "UGX", CustomerStatus.ACTIVE));
        stored(customer(13, "Oyet Okot", "oxokot@kampaltech.ug", "UG", "UGX", CustomerStatus.ACTIVE));

        assertThat(ids(service.list(criteria().search("0%").build()))).containsExactly(ids(percent));
        assertThat(ids(service.list(criteria().search("o_o").build()))).containsExactly(ids(underscore));
    }

    @Test
    void combinesSearchFiltersSortAndPaging() {
        CustomerPage page = service.list(criteria().search("kampaltech").status(CustomerStatus.ACTIVE)
                .sortBy(CustomerSortField.CREATED_AT).sortOrder(SortOrder.ASC).limit(1).page(1).build());

        assertThat(ids(page)).containsExactly(ids(dan));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void noMatchGivesAnEmptyPageWithZeroPages() {
        CustomerPage page = service.list(criteria().search("nobody").build());

        assertThat(page.data()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.totalPages()).isZero();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void listedCustomersCarryTheirBillingTotals() {
        store.addInvoice(tenant, dan.id(), "paid", "UGX", new BigDecimal("5000"));
        store.addInvoice(tenant, dan.id(), "paid", "UGX", new BigDecimal("2500"));
        store.addSubscription(tenant, dan.id(), "active");

        List<CustomerView> rows = service.list(criteria().country(CountryCode.of("UG")).build()).data();

        assertThat(rows).extracting(CustomerView::totalSpent).containsExactly(
                Money.zero(CurrencyCode.of("UGX")), new Money(new BigDecimal("7500"), CurrencyCode.of("UGX")));
        assertThat(rows).extracting(CustomerView::activeSubscriptions).containsExactly(0L, 1L);
    }

    @Nested
    class CriteriaValidation {

        @Test
        void defaultsToFirstPageOfTwentyNewestFirst() {
            CustomerListCriteria criteria = criteria().build();

            assertThat(criteria.page()).isEqualTo(1);
            assertThat(criteria.limit()).isEqualTo(20);
            assertThat(criteria.sortBy()).isEqualTo(CustomerSortField.CREATED_AT);
            assertThat(criteria.sortOrder()).isEqualTo(SortOrder.DESC);
            assertThat(criteria.search()).isNull();
            assertThat(criteria.offset()).isZero();
        }

        @Test
        void emptySearchMeansNoSearch() {
            assertThat(criteria().search("").build().search()).isNull();
        }

        @Test
        void offsetSkipsEarlierPages() {
            assertThat(criteria().page(3).limit(25).build().offset()).isEqualTo(50);
            assertThat(criteria().page(CustomerListCriteria.MAX_PAGE).limit(100).build().offset())
                    .isEqualTo(99_999_900L);
        }

        @Test
        void rejectsPageZero() {
            assertViolations(() -> criteria().page(0).build(),
                    new Violation("page", "must be between 1 and 1000000"));
        }

        @Test
        void rejectsPageAboveTheMaximum() {
            assertViolations(() -> criteria().page(1_000_001).build(),
                    new Violation("page", "must be between 1 and 1000000"));
        }

        @Test
        void rejectsLimitZero() {
            assertViolations(() -> criteria().limit(0).build(), new Violation("limit", "must be between 1 and 100"));
        }

        @Test
        void rejectsLimitAboveOneHundred() {
            assertViolations(() -> criteria().limit(101).build(), new Violation("limit", "must be between 1 and 100"));
        }

        @Test
        void rejectsSearchLongerThanOneHundredCharacters() {
            assertViolations(() -> criteria().search("a".repeat(101)).build(),
                    new Violation("search", "must be at most 100 characters"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sarah\u0000", "a\tb", "line\nbreak", "\u007f", "c1\u0085"})
        void rejectsControlCharactersInSearch(String search) {
            assertViolations(() -> criteria().search(search).build(),
                    new Violation("search", "must not contain control characters"));
        }

        @Test
        void namesEveryBrokenRuleAtOnce() {
            DomainValidationException e = assertViolations(
                    () -> criteria().page(0).limit(101).search("a".repeat(101)).build(),
                    new Violation("page", "must be between 1 and 1000000"),
                    new Violation("limit", "must be between 1 and 100"),
                    new Violation("search", "must be at most 100 characters"));

            assertThat(e.violations()).extracting(Violation::field).containsExactly("page", "limit", "search");
        }

        @Test
        void acceptsTheBoundaries() {
            String hundredEmoji = "\uD83D\uDE00".repeat(100); // 100 characters, 200 UTF-16 units

            CustomerListCriteria criteria = criteria().page(CustomerListCriteria.MAX_PAGE).limit(100)
                    .search(hundredEmoji).build();

            assertThat(criteria.page()).isEqualTo(1_000_000);
            assertThat(criteria.limit()).isEqualTo(100);
            assertThat(criteria.search()).isEqualTo(hundredEmoji);
            assertThat(criteria().limit(1).search("a".repeat(100)).build().limit()).isEqualTo(1);
        }

        private DomainValidationException assertViolations(ThrowingCallable call, Violation... expected) {
            DomainValidationException e = catchThrowableOfType(DomainValidationException.class, call);
            assertThat(e).as("expected a DomainValidationException").isNotNull();
            assertThat(e.violations()).containsExactlyInAnyOrder(expected);
            assertThat(e.code()).isEqualTo("validation_failed");
            return e;
        }
    }

    private CustomerListCriteria.Builder criteria() {
        return new CustomerListCriteria.Builder(tenant);
    }

    private Customer customer(int minute, String name, String email, String country, String currency,
                              CustomerStatus status) {
        String externalId = "usr_" + name.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        return aCustomer().in(tenant).withName(name).withEmail(email).withExternalId(externalId)
                .withCountry(country).withCurrency(currency).withStatus(status)
                .createdAt(T0.plusSeconds(60L * minute)).build();
    }

    private Customer stored(Customer customer) {
        store.insert(customer);
        return customer;
    }

    private static List<String> ids(CustomerPage page) {
        return page.data().stream().map(v -> v.customer().id().value()).toList();
    }

    private static String[] ids(Customer... customers) {
        return java.util.Arrays.stream(customers).map(c -> c.id().value()).toArray(String[]::new);
    }
}
