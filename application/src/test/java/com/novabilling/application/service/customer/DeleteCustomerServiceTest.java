package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.RecordingEventRenderer;
import com.novabilling.application.service.event.EventRecorder;

import com.novabilling.application.fake.InMemoryCustomerStore;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeleteCustomerServiceTest {

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryCustomerStore store = new InMemoryCustomerStore();
    private final DeleteCustomerService service = new DeleteCustomerService(store, store,
            new EventRecorder(new InMemoryEvents(), new RecordingEventRenderer(), new InMemoryEvents(), new InMemoryEvents(),
                    java.time.Clock.systemUTC(), new Random(7)));

    private Customer sarah;

    @BeforeEach
    void givenSarahWithBillingRecords() {
        sarah = aCustomer().in(tenant).build();
        store.insert(sarah);
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "active");
        store.addSubscription(tenant, sarah.id(), "canceled");
        store.addInvoice(tenant, sarah.id(), "draft", "UGX", BigDecimal.ZERO);
        store.addInvoice(tenant, sarah.id(), "open", "UGX", BigDecimal.ZERO);
        store.addInvoice(tenant, sarah.id(), "uncollectible", "UGX", BigDecimal.ZERO);
        store.addInvoice(tenant, sarah.id(), "paid", "UGX", new BigDecimal("150000"));
        store.addInvoice(tenant, sarah.id(), "void", "UGX", BigDecimal.ZERO);
    }

    @Test
    void cancelsActiveSubscriptionsVoidsUnpaidInvoicesAndReportsTheCounts() {
        DeletedCustomer deleted = service.delete(tenant, sarah.id());

        assertThat(deleted).isEqualTo(new DeletedCustomer(sarah.id(), 2, 3));
        assertThat(store.subscriptionStatuses(tenant, sarah.id())).containsExactly("canceled", "canceled", "canceled");
        assertThat(store.invoiceStatuses(tenant, sarah.id())).containsExactly("paid", "void", "void", "void", "void");
    }

    @Test
    void paidInvoicesStayPaid() {
        service.delete(tenant, sarah.id());

        assertThat(store.invoiceStatuses(tenant, sarah.id())).containsOnlyOnce("paid");
    }

    @Test
    void reportsZeroCountsForACustomerWithoutBillingRecords() {
        Customer john = aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build();
        store.insert(john);

        assertThat(service.delete(tenant, john.id())).isEqualTo(new DeletedCustomer(john.id(), 0, 0));
        assertThat(store.findForUpdate(tenant, john.id())).isEmpty();
    }

    @Test
    void theCustomerIsGoneAfterwards() {
        service.delete(tenant, sarah.id());

        assertThat(store.findForUpdate(tenant, sarah.id())).isEmpty();
        assertThat(store.findView(tenant, sarah.id())).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void leavesTheTenantsOtherCustomersAndTheirRecordsAlone() {
        Customer john = aCustomer().in(tenant).withEmail("john@kampaltech.ug").withExternalId("usr_2").build();
        store.insert(john);
        store.addSubscription(tenant, john.id(), "active");
        store.addInvoice(tenant, john.id(), "open", "UGX", BigDecimal.ZERO);

        service.delete(tenant, sarah.id());

        assertThat(store.findForUpdate(tenant, john.id())).isPresent();
        assertThat(store.subscriptionStatuses(tenant, john.id())).containsExactly("active");
        assertThat(store.invoiceStatuses(tenant, john.id())).containsExactly("open");
    }

    @Test
    void aSecondDeleteIsNotFound() {
        service.delete(tenant, sarah.id());

        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.delete(tenant, sarah.id()));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(sarah.id().value());
    }

    @Test
    void anUnknownIdIsNotFound() {
        CustomerId unknown = CustomerId.generate(Instant.parse("2025-03-02T00:00:00Z"), new Random(7));

        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.delete(tenant, unknown));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(unknown.value());
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void anotherTenantsCustomerIsNotFoundAndKeepsItsRecords() {
        CustomerNotFoundException e = catchThrowableOfType(CustomerNotFoundException.class,
                () -> service.delete(otherTenant, sarah.id()));

        assertThat(e).isNotNull();
        assertThat(e.id()).isEqualTo(sarah.id().value());
        assertThat(store.findForUpdate(tenant, sarah.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(sarah);
        assertThat(store.subscriptionStatuses(tenant, sarah.id())).containsExactly("active", "active", "canceled");
        assertThat(store.invoiceStatuses(tenant, sarah.id()))
                .containsExactly("draft", "open", "paid", "uncollectible", "void");
    }
}
