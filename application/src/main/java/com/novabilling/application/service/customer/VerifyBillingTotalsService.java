package com.novabilling.application.service.customer;

import com.novabilling.application.port.in.customer.VerifyBillingTotalsUseCase;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.application.port.shared.customer.BillingTotalsReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks every customer in (tenant, id) order, a batch of mismatches at a time, so a check of a million
 * customers never holds them all; with {@code repair}, each mismatch is recomputed under the customer's lock
 * (a total that a concurrent billing write has meanwhile made right is left alone and not counted).
 */
public final class VerifyBillingTotalsService implements VerifyBillingTotalsUseCase {

    static final int BATCH = 500;

    private final BillingTotalsAudit audit;

    public VerifyBillingTotalsService(BillingTotalsAudit audit) {
        this.audit = audit;
    }

    @Override
    public BillingTotalsReport verify(boolean repair) {
        long checked = audit.countCustomers();
        List<BillingTotalsMismatch> listed = new ArrayList<>();
        long mismatched = 0;
        long repaired = 0;
        BillingTotalsAudit.Key after = null;
        while (true) {
            List<BillingTotalsMismatch> batch = audit.findMismatches(after, BATCH);
            for (BillingTotalsMismatch mismatch : batch) {
                if (repair) {
                    var fixed = audit.repair(mismatch.tenantId(), mismatch.customerId());
                    if (fixed.isEmpty()) {
                        continue;
                    }
                    mismatch = fixed.get();
                    repaired++;
                }
                mismatched++;
                if (listed.size() < MAX_LISTED) {
                    listed.add(mismatch);
                }
            }
            if (batch.size() < BATCH) {
                return new BillingTotalsReport(checked, mismatched, listed, repaired);
            }
            after = BillingTotalsAudit.Key.of(batch.get(batch.size() - 1));
        }
    }
}
