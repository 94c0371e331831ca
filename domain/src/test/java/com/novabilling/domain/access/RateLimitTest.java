package com.novabilling.domain.access;

import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void boundsAreInclusive() {
        assertThat(new RateLimit(1, 1)).isEqualTo(new RateLimit(1, 1));
        assertThat(new RateLimit(RateLimit.MAX_PER_SECOND, RateLimit.MAX_BURST).burst()).isEqualTo(1_000_000);
    }

    @Test
    void bothFieldsAreReportedAtOnce() {
        assertThatThrownBy(() -> new RateLimit(0, RateLimit.MAX_BURST + 1))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("rateLimit.perSecond", "rateLimit.burst"));
        assertThat(RateLimit.perSecondViolations(100_001)).hasSize(1);
        assertThat(RateLimit.burstViolations(-1)).hasSize(1);
        assertThat(RateLimit.burstViolations(200)).isEmpty();
    }

    @Test
    void aTenantHasNoLimitOfItsOwnUntilGivenOne() {
        Tenant tenant = Tenant.open(new TenantId("ten_a"), "A", CurrencyCode.USD, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(tenant.rateLimit()).isEmpty();
        Tenant limited = tenant.withRateLimit(new RateLimit(5, 10));
        assertThat(limited.rateLimit()).contains(new RateLimit(5, 10));
        assertThat(limited.id()).isEqualTo(tenant.id());
        assertThat(limited.name()).isEqualTo("A");
        assertThat(limited.withRateLimit(null).rateLimit()).isEmpty();
    }
}
