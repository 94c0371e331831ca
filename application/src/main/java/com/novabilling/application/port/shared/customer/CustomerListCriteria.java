package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
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
        SortOrder sortOrder) {

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
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
    }

    /** The same criteria without the search (the filters, sort and paging stay). */
    public CustomerListCriteria withoutSearch() {
        return new CustomerListCriteria(tenantId, page, limit, null, status, country, currency, externalId, email, sortBy,
                sortOrder);
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

        public CustomerListCriteria build() {
            return new CustomerListCriteria(tenantId, page, limit, search, status, country, currency, externalId,
                    email, sortBy, sortOrder);
        }
    }
}
