package com.novabilling.application.port.shared.customer;

import java.util.List;

/**
 * What a check of the maintained billing totals found: how many customers were checked, how many disagreed
 * with their billing records, the first of them ({@code mismatches}, at most the asked-for number), and how
 * many were repaired (0 unless a repair was asked for).
 */
public record BillingTotalsReport(long checked, long mismatched, List<BillingTotalsMismatch> mismatches,
                                  long repaired) {

    public BillingTotalsReport {
        mismatches = List.copyOf(mismatches);
    }
}
