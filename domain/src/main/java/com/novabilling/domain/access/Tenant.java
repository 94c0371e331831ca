package com.novabilling.domain.access;

import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.PrefixedUlid;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A NovaBilling account: every customer and API key belongs to exactly one tenant. */
public final class Tenant {

    public static final String ID_PREFIX = "ten_";
    public static final int MAX_NAME_LENGTH = 200;

    private final TenantId id;
    private final String name;
    private final CurrencyCode defaultCurrency;
    private final TenantStatus status;
    private final Instant createdAt;
    private final RateLimit rateLimit;

    private Tenant(TenantId id, String name, CurrencyCode defaultCurrency, TenantStatus status, Instant createdAt,
                   RateLimit rateLimit) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.rateLimit = rateLimit;
    }

    /** A new active tenant; {@code defaultCurrency} null means USD. */
    public static Tenant open(String name, CurrencyCode defaultCurrency, Instant now, RandomGenerator random) {
        return open(new TenantId(PrefixedUlid.generate(ID_PREFIX, now, random)), name, defaultCurrency, now);
    }

    /** A new active tenant with a chosen id (the operator bootstrap's {@code default} tenant). */
    public static Tenant open(TenantId id, String name, CurrencyCode defaultCurrency, Instant now) {
        return new Tenant(id, validName(name), defaultCurrency == null ? CurrencyCode.USD : defaultCurrency,
                TenantStatus.ACTIVE, now.truncatedTo(ChronoUnit.MILLIS), null);
    }

    public static Tenant restore(TenantId id, String name, CurrencyCode defaultCurrency, TenantStatus status,
                                 Instant createdAt) {
        return restore(id, name, defaultCurrency, status, createdAt, null);
    }

    /** {@code rateLimit} null: the service's default limit applies to the tenant's keys. */
    public static Tenant restore(TenantId id, String name, CurrencyCode defaultCurrency, TenantStatus status,
                                 Instant createdAt, RateLimit rateLimit) {
        return new Tenant(id, name, defaultCurrency, status, createdAt, rateLimit);
    }

    /** This tenant with its own rate limit, or ({@code null}) back on the service's default. */
    public Tenant withRateLimit(RateLimit newLimit) {
        return new Tenant(id, name, defaultCurrency, status, createdAt, newLimit);
    }

    /** The tenant's own limit for each of its API keys; empty: the service's default applies. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /**
     * {@code raw} stripped, when it is a valid tenant name: 1 to 200 characters, not blank, no control
     * characters. Public so that an adapter can report it together with the other fields of a request.
     *
     * @throws DomainValidationException on {@code name} otherwise
     */
    public static String validName(String raw) {
        if (raw == null || Text.isBlank(raw)) {
            throw new DomainValidationException("name", "is required");
        }
        String name = raw.strip();
        if (Text.length(name) > MAX_NAME_LENGTH) {
            throw new DomainValidationException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(name)) {
            throw new DomainValidationException("name", "must not contain control characters");
        }
        return name;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public TenantId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CurrencyCode defaultCurrency() {
        return defaultCurrency;
    }

    public TenantStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
