package com.novabilling.adapter.in.rest.json;

import com.novabilling.domain.shared.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /** The hand-written format writes what {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC writes, for any instant. */
    @Test
    void formatsAsTheIsoPatternInUtcWithMilliseconds() {
        DateTimeFormatter pattern = DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Timestamps.MIN,
                Timestamps.MAX, Instant.parse("2024-02-29T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.001Z"),
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-02T11:12:13.456789Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z")));
        Random random = new Random(15);
        for (int i = 0; i < 2_000; i++) {
            instants.add(Instant.ofEpochSecond(Timestamps.MIN.getEpochSecond()
                    + (long) (random.nextDouble() * (Timestamps.MAX.getEpochSecond() - Timestamps.MIN.getEpochSecond())),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(Timestamps.format(instant)).as(instant.toString()).isEqualTo(pattern.format(instant));
        }
        assertThat(Timestamps.format(null)).isNull();
    }
}
