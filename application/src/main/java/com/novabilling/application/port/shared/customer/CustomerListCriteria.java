package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Text;
import com.novabilling.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to list. Filters are {@code null} when not given. {@code search} is a literal, case-insensitive
 * substring of name or email: {@code %}, {@code _} and {@code \} in it match themselves.
 *
 * <p>Paging is by offset ({@code page}, {@code limit}) or by keyset (Stripe's cursors): {@code startingAfter}
 * (the page after this customer, in list order) or {@code endingBefore} (the page right before it), each the id
 * of a customer of the same tenant, never both, and only with page 1. A keyset page costs the same at any
 * depth and neither skips nor repeats a customer that exists throughout, whatever is created or deleted
 * meanwhile. A read model answers a cursor that names no customer of the tenant with a
 * {@link DomainValidationException} on the cursor's field ({@link #unknownCursor}).
 */
public record CustomerListCriteria(
        TenantId tenantId,
        int page,
        int limit,
        String search,
        CustomerStatus status,
        CountryCode country,
        CurrencyCode currency,
        ExternalId externalId,
        Email email,
        CustomerSortField sortBy,
        SortOrder sortOrder,
        CustomerId startingAfter,
        CustomerId endingBefore) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SEARCH_LENGTH = 100;

    public CustomerListCriteria {
        Objects.requireNonNull(tenantId, "tenantId");
        sortBy = sortBy == null ? CustomerSortField.CREATED_AT : sortBy;
        sortOrder = sortOrder == null ? SortOrder.DESC : sortOrder;
        search = search == null || search.isEmpty() ? null : search;
        List<Violation> violations = new ArrayList<>();
        if (page < 1 || page > MAX_PAGE) {
            violations.add(new Violation("page", "must be between 1 and " + MAX_PAGE));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (search != null && search.codePointCount(0, search.length()) > MAX_SEARCH_LENGTH) {
            violations.add(new Violation("search", "must be at most " + MAX_SEARCH_LENGTH + " characters"));
        } else if (search != null && Text.hasControlCharacters(search)) {
            violations.add(new Violation("search", "must not contain control characters"));
        }
        if (startingAfter != null && endingBefore != null) {
            violations.add(new Violation("endingBefore", "must not be given together with startingAfter"));
        }
        if ((startingAfter != null || endingBefore != null) && page != 1) {
            violations.add(new Violation("page", "must not be given together with startingAfter or endingBefore"));
        }
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
    }

    /** Offset paging only (no cursor). */
    public CustomerListCriteria(TenantId tenantId, int page, int limit, String search, CustomerStatus status,
                                CountryCode country, CurrencyCode currency, ExternalId externalId, Email email,
                                CustomerSortField sortBy, SortOrder sortOrder) {
        this(tenantId, page, limit, search, status, country, currency, externalId, email, sortBy, sortOrder, null, null);
    }

    /** Whether this is a keyset page ({@code startingAfter} or {@code endingBefore} given). */
    public boolean isKeyset() {
        return startingAfter != null || endingBefore != null;
    }

    /** The cursor of a keyset page (null for an offset page). */
    public CustomerId cursor() {
        return startingAfter != null ? startingAfter : endingBefore;
    }

    /** The wire name of the cursor's parameter: {@code startingAfter} or {@code endingBefore}. */
    public String cursorField() {
        return startingAfter != null ? "startingAfter" : "endingBefore";
    }

    /** What a read model throws when the cursor names no customer of the tenant (400 validation_failed). */
    public DomainValidationException unknownCursor() {
        return new DomainValidationException(cursorField(), "must be the id of a customer of this tenant");
    }

    /** The same criteria without a cursor: the whole list a keyset page walks (for its total). */
    public CustomerListCriteria withoutCursor() {
        return new CustomerListCriteria(tenantId, page, limit, search, status, country, currency, externalId, email,
                sortBy, sortOrder, null, null);
    }

    /** The same criteria without the search (the filters, sort and paging stay). */
    public CustomerListCriteria withoutSearch() {
        return new CustomerListCriteria(tenantId, page, limit, null, status, country, currency, externalId, email, sortBy,
                sortOrder, startingAfter, endingBefore);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    /** Builds criteria step by step; unset parts take their defaults (page 1, 20 a page, newest first). */
    public static final class Builder {
        private final TenantId tenantId;
        private int page = 1;
        private int limit = DEFAULT_LIMIT;
        private String search;
        private CustomerStatus status;
        private CountryCode country;
        private CurrencyCode currency;
        private ExternalId externalId;
        private Email email;
        private CustomerSortField sortBy;
        private SortOrder sortOrder;
        private CustomerId startingAfter;
        private CustomerId endingBefore;

        public Builder(TenantId tenantId) {
            this.tenantId = tenantId;
        }

        public Builder page(int value) {
            this.page = value;
            return this;
        }

        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        public Builder search(String value) {
            this.search = value;
            return this;
        }

        public Builder status(CustomerStatus value) {
            this.status = value;
            return this;
        }

        public Builder country(CountryCode value) {
            this.country = value;
            return this;
        }

        public Builder currency(CurrencyCode value) {
            this.currency = value;
            return this;
        }

        public Builder externalId(ExternalId value) {
            this.externalId = value;
            return this;
        }

        public Builder email(Email value) {
            this.email = value;
            return this;
        }

        public Builder sortBy(CustomerSortField value) {
            this.sortBy = value;
            return this;
        }

        public Builder sortOrder(SortOrder value) {
            this.sortOrder = value;
            return this;
        }

        public Builder startingAfter(CustomerId value) {
            this.startingAfter = value;
            return this;
        }

        public Builder endingBefore(CustomerId value) {
            this.endingBefore = value;
            return this;
        }

        public CustomerListCriteria build() {
            return new CustomerListCriteria(tenantId, page, limit, search, status, country, currency, externalId,
                    email, sortBy, sortOrder, startingAfter, endingBefore);
        }
    }
}
