package com.novabilling.application.fake;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Test data: a customer builder with the guide's Sarah as its defaults. */
public final class CustomerFixtures {

    private static final Random RANDOM = new Random(42);

    private TenantId tenantId = new TenantId("ten_test");
    private CustomerId id;
    private String email = "sarah@kampaltech.ug";
    private String name = "Nakato Sarah";
    private String externalId = "usr_98765";
    private String country = "UG";
    private String currency = "UGX";
    private CustomerStatus status = CustomerStatus.ACTIVE;
    private Map<String, ?> metadata = guideMetadata();
    private Instant createdAt = Instant.parse("2025-03-01T10:00:00.123Z");

    /** The guide's metadata, in the guide's key order. */
    public static Map<String, Object> guideMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("userId", "usr_98765");
        metadata.put("accountType", "business");
        return metadata;
    }

    public static CustomerFixtures aCustomer() {
        return new CustomerFixtures();
    }

    public CustomerFixtures in(TenantId tenant) {
        this.tenantId = tenant;
        return this;
    }

    public CustomerFixtures withEmail(String value) {
        this.email = value;
        return this;
    }

    public CustomerFixtures withName(String value) {
        this.name = value;
        return this;
    }

    public CustomerFixtures withExternalId(String value) {
        this.externalId = value;
        return this;
    }

    public CustomerFixtures withCountry(String value) {
        this.country = value;
        return this;
    }

    public CustomerFixtures withCurrency(String value) {
        this.currency = value;
        return this;
    }

    public CustomerFixtures withStatus(CustomerStatus value) {
        this.status = value;
        return this;
    }

    public CustomerFixtures withMetadata(Map<String, ?> value) {
        this.metadata = value;
        return this;
    }

    public CustomerFixtures createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public Customer build() {
        CustomerId customerId = id != null ? id : CustomerId.generate(createdAt, RANDOM);
        return Customer.register(customerId, tenantId, Email.of(email), CustomerName.of(name),
                externalId == null ? null : ExternalId.of(externalId),
                country == null ? null : CountryCode.of(country),
                CurrencyCode.of(currency), status, Metadata.of(metadata), createdAt);
    }
}
