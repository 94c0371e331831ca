package com.novabilling.application.service.customer;

import com.novabilling.application.fake.InMemoryBillingTotalsAudit;
import com.novabilling.application.fake.InMemoryBillingTotalsAudit.PageAsked;
import com.novabilling.application.port.out.customer.BillingTotalsAudit.Key;
import com.novabilling.application.port.shared.customer.BillingTotalsMismatch;
import com.novabilling.application.port.shared.customer.BillingTotalsReport;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.novabilling.application.service.customer.VerifyBillingTotalsService.BATCH;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyBillingTotalsServiceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** 'Z' sorts before 'a': the walk goes through this tenant's customers first. */
    private final TenantId tenant = new TenantId("ten_kampaltechZ");
    private final TenantId otherTenant = new TenantId("ten_kampaltecha");
    private final InMemoryBillingTotalsAudit audit = new InMemoryBillingTotalsAudit();
    private final VerifyBillingTotalsService service = new VerifyBillingTotalsService(audit);
    private final Random random = new Random(11);
    private int customers;

    /** A new customer id, later than the previous one (ids sort in creation order). */
    private CustomerId nextId() {
        return CustomerId.generate(T0.plusMillis(++customers), random);
    }

    private Key right(TenantId tenantId) {
        return audit.add(tenantId, nextId(), "UGX", "150000", 2, "150000", 2);
    }

    /** A customer whose kept totals (stored) are off by {@code n} from its records (actual). */
    private Key wrong(TenantId tenantId, int n) {
        return audit.add(tenantId, nextId(), "UGX", String.valueOf(1000 + n), n, "1000", 0);
    }

    private static BillingTotalsMismatch mismatch(Key key, String storedTotalSpent, long storedActive,
                                                  String actualTotalSpent, long actualActive) {
        return new BillingTotalsMismatch(key.tenantId(), key.customerId(), CurrencyCode.of("UGX"),
                new BigDecimal(storedTotalSpent), storedActive, new BigDecimal(actualTotalSpent), actualActive);
    }

    /** {@code n} wrong customers among clean ones, spread over both tenants; their keys in walk order. */
    private List<Key> manyWrong(int n) {
        List<Key> inTenant = new ArrayList<>();
        List<Key> inOther = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 7 == 0) {
                right(i % 2 == 0 ? tenant : otherTenant);
            }
            (i % 2 == 0 ? inOther : inTenant).add(wrong(i % 2 == 0 ? otherTenant : tenant, 1 + i % 5));
        }
        List<Key> all = new ArrayList<>(inTenant);
        all.addAll(inOther);
        return all;
    }

    @Test
    void aStoreWhoseTotalsAreAllRightReportsEveryCustomerCheckedAndNothingElse() {
        right(tenant);
        right(tenant);
        right(otherTenant);

        BillingTotalsReport report = service.verify(true);

        assertThat(report).isEqualTo(new BillingTotalsReport(3, 0, List.of(), 0));
        assertThat(audit.pagesAsked).containsExactly(new PageAsked(null, BATCH));
        assertThat(audit.repairsAsked).isEmpty();
    }

    @Test
    void listsEachMismatchWithItsStoredAndActualTotalsInTenantThenIdOrder() {
        Key laterTenant = audit.add(otherTenant, nextId(), "KES", "5", 1, "7.25", 1);
        right(tenant);
        Key wrongCount = audit.add(tenant, nextId(), "UGX", "1000", 3, "1000", 2);
        right(otherTenant);
        Key wrongTotal = audit.add(tenant, nextId(), "UGX", "999", 2, "250.5", 2);

        BillingTotalsReport report = service.verify(false);

        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.mismatched()).isEqualTo(3);
        assertThat(report.repaired()).isZero();
        assertThat(report.mismatches()).containsExactly(
                mismatch(wrongCount, "1000", 3, "1000", 2),
                mismatch(wrongTotal, "999", 2, "250.5", 2),
                new BillingTotalsMismatch(otherTenant, laterTenant.customerId(), CurrencyCode.of("KES"),
                        new BigDecimal("5"), 1, new BigDecimal("7.25"), 1));
    }

    @Test
    void withoutRepairNothingIsRepairedAndASecondCheckFindsTheSame() {
        Key sarah = wrong(tenant, 1);
        Key bob = wrong(otherTenant, 2);

        BillingTotalsReport first = service.verify(false);

        assertThat(audit.repairsAsked).isEmpty();
        assertThat(first.repaired()).isZero();
        assertThat(audit.mismatches()).containsExactly(mismatch(sarah, "1001", 1, "1000", 0),
                mismatch(bob, "1002", 2, "1000", 0));
        assertThat(service.verify(false)).isEqualTo(first);
    }

    @Test
    void withRepairEachMismatchIsRepairedCountedAndListed() {
        Key sarah = wrong(tenant, 1);
        right(tenant);
        Key bob = wrong(tenant, 2);
        Key carol = wrong(otherTenant, 3);

        BillingTotalsReport report = service.verify(true);

        assertThat(report).isEqualTo(new BillingTotalsReport(4, 3, List.of(mismatch(sarah, "1001", 1, "1000", 0),
                mismatch(bob, "1002", 2, "1000", 0), mismatch(carol, "1003", 3, "1000", 0)), 3));
        assertThat(audit.repairsAsked).containsExactly(sarah, bob, carol);
        assertThat(audit.mismatches()).isEmpty();
        assertThat(service.verify(false)).isEqualTo(new BillingTotalsReport(4, 0, List.of(), 0));
    }

    @Test
    void aMismatchMadeRightBeforeItsRepairIsNeitherRepairedNorCountedNorListed() {
        Key sarah = wrong(tenant, 1);
        Key bob = wrong(tenant, 2);
        Key carol = wrong(otherTenant, 3);
        audit.meanwhile(bob, "1000", 0, "1000", 0);

        BillingTotalsReport report = service.verify(true);

        assertThat(audit.repairsAsked).containsExactly(sarah, bob, carol);
        assertThat(report).isEqualTo(new BillingTotalsReport(3, 2, List.of(mismatch(sarah, "1001", 1, "1000", 0),
                mismatch(carol, "1003", 3, "1000", 0)), 2));
        assertThat(audit.mismatches()).isEmpty();
    }

    @Test
    void aRepairListsTheTotalsItFoundUnderTheLockNotThoseOfTheCheck() {
        Key sarah = wrong(tenant, 1);
        // a paid invoice of 50 and a new subscription land between the check and the repair
        audit.meanwhile(sarah, "1051", 2, "1050", 1);

        BillingTotalsReport report = service.verify(true);

        assertThat(report.mismatches()).containsExactly(mismatch(sarah, "1051", 2, "1050", 1));
        assertThat(report.mismatched()).isEqualTo(1);
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(audit.mismatchOf(sarah)).isEmpty();
    }

    @Test
    void listsTheFirstHundredMismatchesAndCountsThemAll() {
        List<Key> wrong = manyWrong(250);

        BillingTotalsReport report = service.verify(false);

        // the API documents "at most 100 listed, all counted"
        assertThat(report.mismatched()).isEqualTo(250);
        assertThat(report.mismatches()).hasSize(100);
        assertThat(report.mismatches()).extracting(Key::of)
                .containsExactlyElementsOf(wrong.subList(0, 100));
        assertThat(report.checked()).isEqualTo(250 + 36);
    }

    @Test
    void withRepairEveryMismatchIsRepairedAndCountedThoughOnlyAHundredAreListed() {
        List<Key> wrong = manyWrong(150);

        BillingTotalsReport report = service.verify(true);

        assertThat(report.mismatched()).isEqualTo(150);
        assertThat(report.repaired()).isEqualTo(150);
        assertThat(report.mismatches()).extracting(Key::of)
                .containsExactlyElementsOf(wrong.subList(0, 100));
        assertThat(audit.repairsAsked).containsExactlyElementsOf(wrong);
        assertThat(audit.mismatches()).isEmpty();
    }

    @Test
    void walksPageAfterPageEachAfterTheLastKeyOfThePageBefore() {
        List<Key> wrong = manyWrong(2 * BATCH + 234);

        BillingTotalsReport report = service.verify(false);

        assertThat(audit.pagesAsked).containsExactly(new PageAsked(null, BATCH),
                new PageAsked(wrong.get(BATCH - 1), BATCH), new PageAsked(wrong.get(2 * BATCH - 1), BATCH));
        assertThat(report.mismatched()).isEqualTo(2 * BATCH + 234);
        assertThat(report.mismatches()).extracting(Key::of)
                .containsExactlyElementsOf(wrong.subList(0, 100));
        assertThat(report.checked()).isEqualTo(audit.countCustomers());
    }

    @Test
    void aFullLastPageIsFollowedByOneMoreLookThatFindsNothing() {
        List<Key> wrong = manyWrong(BATCH);

        BillingTotalsReport report = service.verify(false);

        assertThat(audit.pagesAsked).containsExactly(new PageAsked(null, BATCH),
                new PageAsked(wrong.get(BATCH - 1), BATCH));
        assertThat(report.mismatched()).isEqualTo(BATCH);
    }

    @Test
    void withRepairTheWalkPagesOnAfterTheRepairedKeys() {
        List<Key> wrong = manyWrong(BATCH + 7);

        BillingTotalsReport report = service.verify(true);

        assertThat(audit.pagesAsked).containsExactly(new PageAsked(null, BATCH),
                new PageAsked(wrong.get(BATCH - 1), BATCH));
        assertThat(report.mismatched()).isEqualTo(BATCH + 7);
        assertThat(report.repaired()).isEqualTo(BATCH + 7);
        assertThat(audit.repairsAsked).containsExactlyElementsOf(wrong);
        assertThat(audit.mismatches()).isEmpty();
    }
}
