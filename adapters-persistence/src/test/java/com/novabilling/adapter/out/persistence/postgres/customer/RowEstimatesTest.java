package com.novabilling.adapter.out.persistence.postgres.customer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RowEstimatesTest {

    private final AtomicLong now = new AtomicLong();
    private final RowEstimates estimates = new RowEstimates(now::get);
    private final AtomicInteger planned = new AtomicInteger();

    private long rows(String tenant, long answer) throws Exception {
        return estimates.rows("EXPLAIN x WHERE tenant_id = ?", List.of(tenant), () -> {
            planned.incrementAndGet();
            return answer;
        });
    }

    @Test
    void anEstimateIsKeptForItsStatementAndValuesUntilItExpires() throws Exception {
        assertThat(rows("a", 900_000)).isEqualTo(900_000);
        assertThat(rows("a", 1)).isEqualTo(900_000);
        assertThat(rows("b", 42)).isEqualTo(42);
        assertThat(planned).hasValue(2);

        now.addAndGet(RowEstimates.TTL.toNanos() - 1);
        assertThat(rows("a", 5)).isEqualTo(900_000);
        now.addAndGet(1);
        assertThat(rows("a", 5)).isEqualTo(5);
        assertThat(planned).hasValue(3);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        for (int i = 0; i < RowEstimates.MAX_ENTRIES + 10; i++) {
            rows("t" + i, i);
        }
        assertThat(rows("t0", 7)).isEqualTo(7);
    }

    @Test
    void aTermsShareIsTheShareOfSampledValuesContainingItLowerCased() {
        List<String> sample = List.of("wanjiru a\u0001w@x", "peter\u0001p@x", "wanjiru b\u0001q@x", "amara\u0001a@x");
        assertThat(SearchSample.share(sample, "WANJIRU")).isEqualTo(0.5);
        assertThat(SearchSample.share(sample, "@x")).isEqualTo(1.0);
        assertThat(SearchSample.share(sample, "qzxwv")).isZero();
        assertThat(SearchSample.share(List.of(), "wanjiru")).isZero();
    }
}
