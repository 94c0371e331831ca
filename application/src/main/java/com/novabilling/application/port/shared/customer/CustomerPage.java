package com.novabilling.application.port.shared.customer;

import java.util.List;

/**
 * One page of a list: the rows and where they stand in the whole result. {@code hasMore} is always exact: for
 * an offset page and a {@code startingAfter} page, whether customers follow it in list order; for an
 * {@code endingBefore} page (Stripe's meaning), whether customers precede it. {@code total} counts the whole
 * list (a keyset page's too, without its cursor); it is exact when {@code totalIsExact}; past a store-defined
 * bound (a count over hundreds of thousands of rows would cost more than the page itself) it is the
 * database's estimate. A keyset page reports page 1.
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

    /**
     * A keyset page cut from {@code matching}, the whole list sorted by {@code order} (in-memory stores): the
     * rows after (or, for {@code endingBefore}, right before) {@code cursor}, which need not match the filters.
     */
    public static <T> KeysetSlice<T> keyset(List<T> matching, java.util.Comparator<? super T> order, T cursor,
                                            boolean endingBefore, int limit) {
        if (!endingBefore) {
            List<T> after = matching.stream().filter(row -> order.compare(row, cursor) > 0).toList();
            return new KeysetSlice<>(after.subList(0, Math.min(limit, after.size())), after.size() > limit);
        }
        List<T> before = matching.stream().filter(row -> order.compare(row, cursor) < 0).toList();
        int from = Math.max(0, before.size() - limit);
        return new KeysetSlice<>(before.subList(from, before.size()), from > 0);
    }

    /** The rows of a keyset page and whether more lie beyond it (in the page's direction). */
    public record KeysetSlice<T>(List<T> rows, boolean hasMore) {
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }
}
