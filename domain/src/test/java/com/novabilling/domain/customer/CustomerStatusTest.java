package com.novabilling.domain.customer;

import static com.novabilling.domain.shared.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerStatusTest {

    @Test
    void wireNamesAreLowercase() {
        assertThat(CustomerStatus.ACTIVE.wireName()).isEqualTo("active");
        assertThat(CustomerStatus.INACTIVE.wireName()).isEqualTo("inactive");
    }

    @ParameterizedTest
    @EnumSource(CustomerStatus.class)
    void fromWireReadsBackEveryWireName(CustomerStatus status) {
        assertThat(CustomerStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ACTIVE", "Active", " active", "inactive ", "deleted", "enabled"})
    void fromWireRejectsAnythingElseListingAllowedValues(String raw) {
        assertViolation(() -> CustomerStatus.fromWire(raw), "status", "must be one of: active, inactive");
    }
}
