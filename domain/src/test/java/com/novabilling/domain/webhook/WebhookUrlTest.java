package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/x", "ftp://hooks.example.com/", "https:///nohost", "https://user:pw@hooks.example.com/",
            "https://hooks.example.com/#frag", "https://hooks.example.com:0/", "https://hooks example.com/",
            "https://hooks.example.com/\n", "mailto:a@b.ug", "https://bücher.example/"})
    void refusesWhatIsNotAPlainHttpUrl(String raw) {
        assertThatThrownBy(() -> new WebhookUrl(raw)).as(raw).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void refusesOverLongUrls() {
        assertThatThrownBy(() -> new WebhookUrl("https://hooks.example.com/" + "a".repeat(2048)))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("2048");
    }

    @Test
    void exposesHostWithoutBracketsAndTheScheme() {
        assertThat(new WebhookUrl("https://[FD00:EC2::254]:8443/x").host()).isEqualTo("fd00:ec2::254");
        assertThat(new WebhookUrl("HTTPS://Hooks.Example.com/Path?q=1").host()).isEqualTo("hooks.example.com");
        assertThat(new WebhookUrl("HTTPS://Hooks.Example.com/Path?q=1").isHttps()).isTrue();
        assertThat(new WebhookUrl("http://127.0.0.1:3141/h").isHttps()).isFalse();
    }
}
