package com.novabilling.adapter.in.rest.protection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorsPolicyTest {

    @Test
    void noOriginIsAllowedByDefault() {
        CorsPolicy policy = new CorsPolicy("");

        assertThat(policy.enabled()).isFalse();
        assertThat(policy.allows("https://app.example.com")).isFalse();
    }

    @Test
    void listedOriginsAreAllowedExactly() {
        CorsPolicy policy = new CorsPolicy("https://app.example.com, http://localhost:5173");

        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("http://localhost:5173")).isTrue();
        assertThat(policy.allows("https://app.example.com.evil.io")).isFalse();
        assertThat(policy.allows("http://app.example.com")).isFalse();
    }

    @Test
    void wildcardsPathsAndOtherSchemesAreRefusedAtStart() {
        for (String bad : new String[] {"*", "https://*.example.com", "https://app.example.com/", "ftp://x.io",
                "app.example.com", "https://user@app.example.com"}) {
            assertThatThrownBy(() -> new CorsPolicy(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOVABILLING_CORS_ALLOWED_ORIGINS");
        }
    }

    @Test
    void sameOriginIsTheHostAndPortTheRequestWasSentTo() {
        assertThat(CorsGuardFilter.isSameOrigin("http://localhost:3000", "localhost:3000")).isTrue();
        assertThat(CorsGuardFilter.isSameOrigin("https://api.example.com", "api.example.com")).isTrue();
        assertThat(CorsGuardFilter.isSameOrigin("http://localhost:3001", "localhost:3000")).isFalse();
        assertThat(CorsGuardFilter.isSameOrigin("https://evil.io", "api.example.com")).isFalse();
        assertThat(CorsGuardFilter.isSameOrigin("null", "api.example.com")).isFalse();
        assertThat(CorsGuardFilter.isSameOrigin("https://api.example.com", null)).isFalse();
    }
}
