package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.TenantId;

/** The customer aggregate to and from its row. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static CustomerKey key(TenantId tenantId, CustomerId customerId) {
        return new CustomerKey(tenantId.value(), customerId.value());
    }

    static CustomerRow row(Customer c) {
        return new CustomerRow(key(c.tenantId(), c.id()), c.externalId().map(ExternalId::value).orElse(null),
                c.email().value(), c.name().value(), c.country().map(CountryCode::value).orElse(null),
                c.currency().value(), c.status().wireName(), MetadataJson.write(c.metadata()), c.createdAt(),
                c.updatedAt());
    }

    static Customer customer(CustomerRow row) {
        return Customer.restore(
                new CustomerId(row.key().id()),
                new TenantId(row.key().tenantId()),
                new Email(row.email()),
                new CustomerName(row.name()),
                row.externalId() == null ? null : new ExternalId(row.externalId()),
                row.country() == null ? null : new CountryCode(row.country()),
                new CurrencyCode(row.currency()),
                CustomerStatus.fromWire(row.status()),
                MetadataJson.read(row.metadata()),
                row.createdAt(),
                row.updatedAt());
    }
}
