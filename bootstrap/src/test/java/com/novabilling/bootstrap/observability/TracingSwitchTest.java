package com.novabilling.bootstrap.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTest {

    @Test
    void tracingIsOnOnlyWhenAnExporterIsNamed() {
        assertThat(TracingSwitch.exports(null)).isFalse();
        assertThat(TracingSwitch.exports("")).isFalse();
        assertThat(TracingSwitch.exports("none")).isFalse();
        assertThat(TracingSwitch.exports(" NONE ")).isFalse();
        assertThat(TracingSwitch.exports("otlp")).isTrue();
        assertThat(TracingSwitch.exports("none, otlp")).isTrue();
        assertThat(TracingSwitch.exports("logging")).isTrue();
    }
}
