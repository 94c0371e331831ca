package com.novabilling.application.port.in.customer;

import java.util.List;

/** One page of a list: the rows and where they stand in the whole result. */
public record CustomerPage(List<CustomerView> data, long total, int page, int limit) {

    public CustomerPage {
        data = List.copyOf(data);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }

    public boolean hasMore() {
        return (long) page * limit < total;
    }
}
