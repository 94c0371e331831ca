package com.novabilling.application.service.customer;

import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedTenantDefaultsTest {

    private static final TenantId A = new TenantId("ten_a");
    private static final TenantId B = new TenantId("ten_b");

    private final Map<TenantId, CurrencyCode> stored = new HashMap<>(Map.of(A, new CurrencyCode("UGX"), B, new CurrencyCode("KES")));
    private int lookups;
    private final TenantDefaults store = tenant -> {
        lookups++;
        return stored.getOrDefault(tenant, CurrencyCode.USD);
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void answersFromMemoryWithinTheTtlAndAsksAgainAfterIt() {
        CachedTenantDefaults cached = new CachedTenantDefaults(store, Duration.ofSeconds(10), 100, clock);

        assertThat(cached.defaultCurrency(A)).isEqualTo(new CurrencyCode("UGX"));
        assertThat(cached.defaultCurrency(A)).isEqualTo(new CurrencyCode("UGX"));
        assertThat(cached.defaultCurrency(B)).isEqualTo(new CurrencyCode("KES"));
        assertThat(lookups).isEqualTo(2);

        stored.put(A, new CurrencyCode("NGN"));
        clock.advance(Duration.ofSeconds(9));
        assertThat(cached.defaultCurrency(A)).as("within the ttl").isEqualTo(new CurrencyCode("UGX"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.defaultCurrency(A)).as("after the ttl").isEqualTo(new CurrencyCode("NGN"));
        assertThat(lookups).isEqualTo(3);
    }

    @Test
    void staysBoundedAndAZeroTtlCachesNothing() {
        CachedTenantDefaults bounded = new CachedTenantDefaults(store, Duration.ofMinutes(1), 2, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(bounded.defaultCurrency(new TenantId("ten_" + i))).isEqualTo(CurrencyCode.USD);
        }
        assertThat(bounded.defaultCurrency(new TenantId("ten_9"))).as("the newest is still cached").isEqualTo(CurrencyCode.USD);
        assertThat(lookups).isEqualTo(10);
        assertThat(bounded.defaultCurrency(new TenantId("ten_0"))).as("an old one was let go").isEqualTo(CurrencyCode.USD);
        assertThat(lookups).isEqualTo(11);

        CachedTenantDefaults off = new CachedTenantDefaults(store, Duration.ZERO, 10, clock);
        off.defaultCurrency(A);
        off.defaultCurrency(A);
        assertThat(lookups).isEqualTo(13);
        assertThatThrownBy(() -> new CachedTenantDefaults(store, Duration.ofSeconds(-1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
