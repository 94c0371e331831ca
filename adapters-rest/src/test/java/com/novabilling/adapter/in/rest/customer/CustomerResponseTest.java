package com.novabilling.adapter.in.rest.customer;

import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CustomerResponseTest {

    private static final CustomerId ID = CustomerId.generate(Instant.parse("2025-03-01T10:00:00Z"), new Random(7));

    private static Customer customer(ExternalId externalId, CountryCode country, Metadata metadata,
            Instant createdAt, Instant updatedAt) {
        return Customer.restore(ID, new TenantId("t1"), Email.of("sarah@kampaltech.ug"),
                CustomerName.of("Nakato Sarah"), externalId, country, CurrencyCode.of("UGX"), CustomerStatus.INACTIVE,
                metadata, createdAt, updatedAt);
    }

    private static CustomerView view(BigDecimal totalSpent) {
        return new CustomerView(customer(ExternalId.of("usr_1"), CountryCode.of("UG"),
                Metadata.of(Map.of("vip", true)), Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-02T11:12:13.456789Z")), new Money(totalSpent, CurrencyCode.of("UGX")), 2);
    }

    @Test
    void hasExactlyTheGuidesFieldsInOrder() {
        assertThat(Arrays.stream(CustomerResponse.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("id", "externalId", "email", "name", "country", "currency", "status", "metadata",
                        "totalSpent", "activeSubscriptions", "createdAt", "updatedAt");
    }

    @Test
    void mapsEveryField() {
        CustomerResponse response = CustomerResponse.from(view(new BigDecimal("1500.00")));

        assertThat(response.id()).isEqualTo(ID.value());
        assertThat(response.externalId()).isEqualTo("usr_1");
        assertThat(response.email()).isEqualTo("sarah@kampaltech.ug");
        assertThat(response.name()).isEqualTo("Nakato Sarah");
        assertThat(response.country()).isEqualTo("UG");
        assertThat(response.currency()).isEqualTo("UGX");
        assertThat(response.status()).isEqualTo("inactive");
        assertThat(response.metadata()).containsExactly(entry("vip", true));
        assertThat(response.activeSubscriptions()).isEqualTo(2);
    }

    @Test
    void writesTimestampsInUtcWithExactlyMilliseconds() {
        CustomerResponse response = CustomerResponse.from(view(BigDecimal.ZERO));

        assertThat(response.createdAt()).isEqualTo("2025-03-01T10:00:00.000Z");
        assertThat(response.updatedAt()).isEqualTo("2025-03-02T11:12:13.456Z");
    }

    @Test
    void writesTotalSpentAsAPlainNumber() {
        assertThat(CustomerResponse.from(view(new BigDecimal("1.5E+6"))).totalSpent().toString()).isEqualTo("1500000");
        assertThat(CustomerResponse.from(view(new BigDecimal("1500000.00"))).totalSpent().toString())
                .isEqualTo("1500000");
        assertThat(CustomerResponse.from(view(new BigDecimal("10.50"))).totalSpent().toString()).isEqualTo("10.5");
        assertThat(CustomerResponse.from(view(new BigDecimal("0.000"))).totalSpent().toString()).isEqualTo("0");
        assertThat(CustomerResponse.from(view(new BigDecimal("0.125"))).totalSpent().toString()).isEqualTo("0.125");
    }

    @Test
    void showsAbsentOptionalFieldsAsNullAndEmptyMetadataAsEmpty() {
        Instant at = Instant.parse("2025-03-01T10:00:00Z");
        CustomerResponse response = CustomerResponse.from(
                CustomerView.withoutBilling(customer(null, null, Metadata.empty(), at, at)));

        assertThat(response.externalId()).isNull();
        assertThat(response.country()).isNull();
        assertThat(response.metadata()).isEmpty();
        assertThat(response.totalSpent()).isEqualByComparingTo("0");
    }

    @Test
    void listsAPageWithItsPosition() {
        CustomerListResponse response = CustomerListResponse.from(
                CustomerPage.counted(List.of(view(BigDecimal.ONE)), 41, 2, 20));

        assertThat(response.data()).hasSize(1);
        assertThat(response.total()).isEqualTo(41);
        assertThat(response.page()).isEqualTo(2);
        assertThat(response.limit()).isEqualTo(20);
        assertThat(response.totalPages()).isEqualTo(3);
        assertThat(response.hasMore()).isTrue();
    }

    @Test
    void describesADelete() {
        assertThat(DeletedCustomerResponse.from(new DeletedCustomer(ID, 2, 3)))
                .isEqualTo(new DeletedCustomerResponse(ID.value(), true, 2, 3));
    }
}
