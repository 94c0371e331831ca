package com.novabilling.application.port.shared.customer;

import java.util.List;

/**
 * One page of a list: the rows and where they stand in the whole result. {@code hasMore} is always exact.
 * {@code total} is exact when {@code totalIsExact}; past a store-defined bound (a count over hundreds of
 * thousands of rows would cost more than the page itself) it is the database's estimate.
 */
public record CustomerPage(List<CustomerView> data, long total, boolean totalIsExact, int page, int limit,
                           boolean hasMore) {

    public CustomerPage {
        data = List.copyOf(data);
    }

    /** A page whose total was counted. */
    public static CustomerPage counted(List<CustomerView> data, long total, int page, int limit) {
        return new CustomerPage(data, total, true, page, limit, (long) page * limit < total);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }
}
