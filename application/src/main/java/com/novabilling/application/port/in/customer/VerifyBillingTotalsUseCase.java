package com.novabilling.application.port.in.customer;

import com.novabilling.application.port.shared.customer.BillingTotalsReport;

/** Operators: checks every customer's maintained billing totals against its records, and optionally repairs them. */
public interface VerifyBillingTotalsUseCase {

    /** How many mismatches a report lists at most (all of them are counted, and repaired when asked). */
    int MAX_LISTED = 100;

    BillingTotalsReport verify(boolean repair);
}
