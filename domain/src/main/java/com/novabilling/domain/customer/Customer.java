package com.novabilling.domain.customer;

import com.novabilling.domain.shared.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer aggregate: someone a tenant bills. Created with {@link #register}, loaded back
 * with {@link #restore}, changed only through its behaviour methods. Every change moves
 * {@code updatedAt} (millisecond precision, never before {@code createdAt}); a call that changes
 * nothing leaves it alone. Identity is the pair (tenant, id).
 */
public final class Customer {

    private final CustomerId id;
    private final TenantId tenantId;
    private Email email;
    private CustomerName name;
    private ExternalId externalId;
    private CountryCode country;
    private CurrencyCode currency;
    private CustomerStatus status;
    private Metadata metadata;
    private final Instant createdAt;
    private Instant updatedAt;

    private Customer(CustomerId id, TenantId tenantId, Email email, CustomerName name,
            ExternalId externalId, CountryCode country, CurrencyCode currency,
            CustomerStatus status, Metadata metadata, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.externalId = externalId;
        this.country = country;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.status = Objects.requireNonNull(status, "status");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new customer; {@code externalIdOrNull} and {@code countryOrNull} are optional. */
    public static Customer register(CustomerId id, TenantId tenantId, Email email, CustomerName name,
            ExternalId externalIdOrNull, CountryCode countryOrNull, CurrencyCode currency,
            CustomerStatus status, Metadata metadata, Instant now) {
        Instant created = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MILLIS);
        return new Customer(id, tenantId, email, name, externalIdOrNull, countryOrNull, currency,
                status, metadata, created, created);
    }

    /** A customer as it was stored; for the persistence adapter only. Timestamps are taken as given. */
    public static Customer restore(CustomerId id, TenantId tenantId, Email email, CustomerName name,
            ExternalId externalIdOrNull, CountryCode countryOrNull, CurrencyCode currency,
            CustomerStatus status, Metadata metadata, Instant createdAt, Instant updatedAt) {
        return new Customer(id, tenantId, email, name, externalIdOrNull, countryOrNull, currency,
                status, metadata, createdAt, updatedAt);
    }

    public void changeEmail(Email newEmail, Instant at) {
        Objects.requireNonNull(newEmail, "email");
        if (!newEmail.equals(email)) {
            email = newEmail;
            touch(at);
        }
    }

    public void rename(CustomerName newName, Instant at) {
        Objects.requireNonNull(newName, "name");
        if (!newName.equals(name)) {
            name = newName;
            touch(at);
        }
    }

    /** {@code null} clears the external id. */
    public void changeExternalId(ExternalId newExternalIdOrNull, Instant at) {
        if (!Objects.equals(newExternalIdOrNull, externalId)) {
            externalId = newExternalIdOrNull;
            touch(at);
        }
    }

    /** {@code null} clears the country. */
    public void changeCountry(CountryCode newCountryOrNull, Instant at) {
        if (!Objects.equals(newCountryOrNull, country)) {
            country = newCountryOrNull;
            touch(at);
        }
    }

    public void changeCurrency(CurrencyCode newCurrency, Instant at) {
        Objects.requireNonNull(newCurrency, "currency");
        if (!newCurrency.equals(currency)) {
            currency = newCurrency;
            touch(at);
        }
    }

    public void changeStatus(CustomerStatus newStatus, Instant at) {
        Objects.requireNonNull(newStatus, "status");
        if (newStatus != status) {
            status = newStatus;
            touch(at);
        }
    }

    /** Replaces the whole metadata; {@link Metadata#empty()} clears it. */
    public void replaceMetadata(Metadata newMetadata, Instant at) {
        Objects.requireNonNull(newMetadata, "metadata");
        if (!newMetadata.equals(metadata)) {
            metadata = newMetadata;
            touch(at);
        }
    }

    private void touch(Instant at) {
        Instant truncated = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        updatedAt = truncated.isBefore(createdAt) ? createdAt : truncated;
    }

    public CustomerId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public Optional<ExternalId> externalId() {
        return Optional.ofNullable(externalId);
    }

    public Email email() {
        return email;
    }

    public CustomerName name() {
        return name;
    }

    public Optional<CountryCode> country() {
        return Optional.ofNullable(country);
    }

    public CurrencyCode currency() {
        return currency;
    }

    public CustomerStatus status() {
        return status;
    }

    public Metadata metadata() {
        return metadata;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** An independent copy of this customer as it is now (a snapshot, e.g. of the state before a change). */
    public Customer copy() {
        return new Customer(id, tenantId, email, name, externalId, country, currency, status, metadata, createdAt,
                updatedAt);
    }

    /** True when {@code other} holds exactly the same values, field by field (timestamps included). */
    public boolean hasSameValuesAs(Customer other) {
        return id.equals(other.id) && tenantId.equals(other.tenantId) && email.equals(other.email)
                && name.equals(other.name) && Objects.equals(externalId, other.externalId)
                && Objects.equals(country, other.country) && currency.equals(other.currency)
                && status == other.status && metadata.equals(other.metadata) && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer other && tenantId.equals(other.tenantId) && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }

    /** Ids only: names and emails are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Customer[tenantId=" + tenantId + ", id=" + id + "]";
    }
}
