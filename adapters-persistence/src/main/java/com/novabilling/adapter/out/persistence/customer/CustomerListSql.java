package com.novabilling.adapter.out.persistence.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE and ORDER BY of a customer list. Only fixed SQL fragments chosen by enum go into the text;
 * every value the caller gave is a bind parameter, and the search term is escaped so that {@code %},
 * {@code _} and {@code \} match themselves.
 *
 */
record CustomerListSql(String where, List<Object> params, String orderBy) {

    /**
     * A case-insensitive substring of name or email: {@code search_text} is {@code lower(name) || chr(1) ||
     * lower(email)}, stored (migration V2), with a trigram index; the one bind value is the LIKE pattern.
     */
    static final String SEARCH = "c.search_text LIKE lower(?)";

    static CustomerListSql of(CustomerListCriteria c) {
        StringBuilder where = new StringBuilder(" WHERE c.tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(c.tenantId().value());
        if (c.status() != null) {
            where.append(" AND c.status = ?");
            params.add(c.status().wireName());
        }
        if (c.country() != null) {
            where.append(" AND c.country = ?");
            params.add(c.country().value());
        }
        if (c.currency() != null) {
            where.append(" AND c.currency = ?");
            params.add(c.currency().value());
        }
        if (c.externalId() != null) {
            where.append(" AND c.external_id = ?");
            params.add(c.externalId().value());
        }
        if (c.email() != null) {
            where.append(" AND lower(c.email) = lower(?)");
            params.add(c.email().value());
        }
        if (c.search() != null) {
            where.append(" AND " + SEARCH);
            params.add(pattern(c.search()));
        }
        String direction = switch (c.sortOrder()) {
            case ASC -> " ASC";
            case DESC -> " DESC";
        };
        String key = switch (c.sortBy()) {
            case CREATED_AT -> "c.created_at";
            case UPDATED_AT -> "c.updated_at";
            case NAME -> "c.name";
            case EMAIL -> "lower(c.email)";
        };
        return new CustomerListSql(where.toString(), List.copyOf(params), key + direction + ", c.id" + direction);
    }

    /** The ILIKE pattern of a search: the escaped term between two {@code %}. */
    static String pattern(String search) {
        return "%" + escapeLike(search) + "%";
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
