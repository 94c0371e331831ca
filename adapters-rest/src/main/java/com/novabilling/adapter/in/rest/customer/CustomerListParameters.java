package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.TenantId;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/customers}, exactly as sent (each {@code null} when absent). An
 * empty value counts as absent. {@link #toCriteria} checks all of them and reports every bad one at once.
 */
public record CustomerListParameters(
        String page,
        String limit,
        String search,
        String status,
        String country,
        String currency,
        String externalId,
        String email,
        String sortBy,
        String sortOrder,
        String startingAfter,
        String endingBefore) {

    /** Without cursors (offset paging only). */
    public CustomerListParameters(String page, String limit, String search, String status, String country,
                                  String currency, String externalId, String email, String sortBy, String sortOrder) {
        this(page, limit, search, status, country, currency, externalId, email, sortBy, sortOrder, null, null);
    }

    static final String UNKNOWN_CURSOR = "must be the id of a customer of this tenant";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    /** @throws com.novabilling.domain.shared.DomainValidationException naming every bad parameter */
    public CustomerListCriteria toCriteria(TenantId tenantId) {
        Violations violations = new Violations();
        Integer pageNumber = integer("page", page, 1, CustomerListCriteria.MAX_PAGE, violations);
        Integer pageSize = integer("limit", limit, 1, CustomerListCriteria.MAX_LIMIT, violations);
        String searchText = search(violations);
        CustomerStatus statusFilter = parsed(status, CustomerStatus::fromWire, violations);
        CountryCode countryFilter = parsed(country, CountryCode::of, violations);
        CurrencyCode currencyFilter = parsed(currency, CurrencyCode::of, violations);
        ExternalId externalIdFilter = parsed(externalId, ExternalId::of, violations);
        Email emailFilter = parsed(email, Email::of, violations);
        CustomerSortField sortField = parsed(sortBy, CustomerSortField::fromWire, violations);
        SortOrder order = parsed(sortOrder, SortOrder::fromWire, violations);
        CustomerId after = cursor("startingAfter", startingAfter, violations);
        CustomerId before = cursor("endingBefore", endingBefore, violations);
        if (given(startingAfter) && given(endingBefore)) {
            violations.add("endingBefore", "must not be given together with startingAfter");
        }
        if (given(page) && (given(startingAfter) || given(endingBefore))) {
            violations.add("page", "must not be given together with startingAfter or endingBefore");
        }
        violations.throwIfAny();

        CustomerListCriteria.Builder criteria = new CustomerListCriteria.Builder(tenantId)
                .search(searchText)
                .status(statusFilter)
                .country(countryFilter)
                .currency(currencyFilter)
                .externalId(externalIdFilter)
                .email(emailFilter)
                .sortBy(sortField)
                .sortOrder(order)
                .startingAfter(after)
                .endingBefore(before);
        if (pageNumber != null) {
            criteria.page(pageNumber);
        }
        if (pageSize != null) {
            criteria.limit(pageSize);
        }
        return criteria.build();
    }

    private static boolean given(String raw) {
        return raw != null && !raw.isEmpty();
    }

    private static Integer integer(String name, String raw, int min, int max, Violations violations) {
        if (!given(raw)) {
            return null;
        }
        String range = "must be an integer between " + min + " and " + max;
        if (!INTEGER.matcher(raw).matches()) {
            violations.add(name, range);
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException beyondInt) {
            // out of range, reported below
        }
        violations.add(name, range);
        return null;
    }

    /** The same rules {@link CustomerListCriteria} enforces, checked here so they join the other violations. */
    private String search(Violations violations) {
        if (!given(search)) {
            return null;
        }
        if (search.codePointCount(0, search.length()) > CustomerListCriteria.MAX_SEARCH_LENGTH) {
            violations.add("search", "must be at most " + CustomerListCriteria.MAX_SEARCH_LENGTH + " characters");
            return null;
        }
        if (search.chars().anyMatch(Character::isISOControl)) {
            violations.add("search", "must not contain control characters");
            return null;
        }
        return search;
    }

    /** A cursor is a customer id; one that cannot be an id is refused like an unknown one. */
    private static CustomerId cursor(String name, String raw, Violations violations) {
        if (!given(raw)) {
            return null;
        }
        CustomerId id = CustomerId.parse(raw).orElse(null);
        if (id == null) {
            violations.add(name, UNKNOWN_CURSOR);
        }
        return id;
    }

    private static <T> T parsed(String raw, Function<String, T> parser, Violations violations) {
        return given(raw) ? violations.attempt(() -> parser.apply(raw)) : null;
    }
}
