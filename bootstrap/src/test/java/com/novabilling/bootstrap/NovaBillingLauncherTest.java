package com.novabilling.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NovaBillingLauncherTest {

    @Test
    void logFormatIsTextByDefaultJsonOnRequestAndNothingElse() {
        assertThat(NovaBillingLauncher.jsonLogs(Map.of())).isFalse();
        assertThat(NovaBillingLauncher.jsonLogs(Map.of("NOVABILLING_LOG_FORMAT", ""))).isFalse();
        assertThat(NovaBillingLauncher.jsonLogs(Map.of("NOVABILLING_LOG_FORMAT", "text"))).isFalse();
        assertThat(NovaBillingLauncher.jsonLogs(Map.of("NOVABILLING_LOG_FORMAT", "json"))).isTrue();
        assertThatThrownBy(() -> NovaBillingLauncher.jsonLogs(Map.of("NOVABILLING_LOG_FORMAT", "xml")))
                .hasMessage("NOVABILLING_LOG_FORMAT must be text or json, not 'xml'");
        assertThatThrownBy(() -> NovaBillingLauncher.jsonLogs(Map.of("NOVABILLING_LOG_FORMAT", "JSON")))
                .hasMessage("NOVABILLING_LOG_FORMAT must be text or json, not 'JSON'");
    }
}
