package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.ExternalId;
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

class GetCustomerServiceTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00.123Z");

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final GetCustomerService service = new GetCustomerService(store);

    private Customer sarah;

    @BeforeEach
    void givenSarah() {
        sarah = aCustomer().in(tenant).createdAt(CREATED).build();
        store.insert(sarah);
    }

    @Test
    void returnsTheCustomerWithEveryField() {
        Customer got = service.get(tenant, sarah.id()).customer();

        assertThat(got.id()).isEqualTo(sarah.id());
        assertThat(got.tenantId()).isEqualTo(tenant);
        assertThat(got.email().value()).isEqualTo("sarah@kampaltech.ug");
        assertThat(got.name().value()).isEqualTo("Nakato Sarah");
        assertThat(got.externalId()).contains(ExternalId.of("usr_98765"));
        assertThat(got.country()).contains(CountryCode.of("UG"));
        assertThat(got.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(got.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(got.metadata().asMap())
                .containsExactly(Map.entry("accountType", "business"), Map.entry("userId", "usr_98765"));
        assertThat(got.createdAt()).isEqualTo(CREATED);
        assertThat(got.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void totalsCountPaidInvoicesInTheCustomersCurrencyAndActiveSubscriptions() {
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("150000"));
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("49999.50"));
        store.addInvoice(tenant, sarah.id(), "open", "UGX", new BigDecimal("30000"));
        store.addInvoice(tenant, sarah.id(), "paid", "USD", new BigDecimal("12"));
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "canceled");

        CustomerView view = service.get(tenant, sarah.id());

        assertThat(view.totalSpent()).isEqualTo(new Money(new BigDecimal("199999.5"), CurrencyCode.of("UGX")));
        assertThat(view.activeSubscriptions()).isEqualTo(3);
    }

    @Test
    void totalsIgnoreOtherCustomersRecords() {
        Customer john = aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build();
        store.insert(john);
        store.addInvoice(tenant, john.id(), "paid", "UGX", new BigDecimal("5000"));
        store.addSubscription(tenant, john.id(), "active");

        CustomerView view = service.get(tenant, sarah.id());

        assertThat(view.totalSpent()).isEqualTo(Money.zero(CurrencyCode.of("UGX")));
        assertThat(view.activeSubscriptions()).isZero();
    }

    @Test
    void anUnknownIdIsNotFoundAndTheErrorCarriesTheId() {
        CustomerId unknown = CustomerId.generate(CREATED, new Random(7));

        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.get(tenant, unknown));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(unknown.value());
        assertThat(e.getMessage()).isEqualTo("No such customer: " + unknown.value());
        assertThat(e.code()).isEqualTo("customer_not_found");
    }

    @Test
    void anotherTenantsCustomerIsNotFoundAndTheErrorCarriesTheId() {
        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.get(otherTenant, sarah.id()));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(sarah.id().value());
    }
}
