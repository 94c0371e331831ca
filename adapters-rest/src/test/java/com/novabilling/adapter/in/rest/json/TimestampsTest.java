package com.novabilling.adapter.in.rest.json;

import com.novabilling.domain.shared.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void parsesAnInstantWithOffset() {
        assertThat(Timestamps.parse("expiresAt", "2026-01-01T03:00:00+03:00"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Timestamps.parse("expiresAt", "9999-12-31T23:59:59.999Z")).isEqualTo(Timestamps.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-01-01", "2026-01-01T00:00:00", "", "2026-13-01T00:00:00Z"})
    void refusesWhatIsNotAnIsoInstant(String raw) {
        assertThatThrownBy(() -> Timestamps.parse("expiresAt", raw))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("expiresAt")));
    }

    /** Instants PostgreSQL cannot store (beyond year 294276) would otherwise fail as a 500 at insert. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void refusesYearsOutside0001To9999(String raw) {
        assertThatThrownBy(() -> Timestamps.parse("expiresAt", raw))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.message()).contains("0001 and 9999")));
    }
}
