package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DestinationPolicyTest {

    private final DestinationPolicy strict = new DestinationPolicy(false);
    private final DestinationPolicy dev = new DestinationPolicy(true);

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "::1", "::", "fd00:ec2::254", "fc00::1", "fe80::1",
            "ff02::1", "2001:db8::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
            "::127.0.0.1", "fec0::1"})
    void refusesNonPublicAddresses(String literal) {
        assertThat(DestinationPolicy.refusal(ip(literal))).as(literal).isPresent();
        DomainValidationException refused = catchThrowableOfType(
                () -> strict.checkAddresses("h.example.com", List.of(ip(literal))), DomainValidationException.class);
        assertThat(refused.violations().get(0).field()).isEqualTo("url");
        assertThatCode(() -> dev.checkAddresses("h.example.com", List.of(ip(literal)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void acceptsPublicAddresses(String literal) {
        assertThat(DestinationPolicy.refusal(ip(literal))).as(literal).isEmpty();
    }

    @Test
    void everyAddressOfTheHostMustBePublicAndOneIsNeeded() {
        assertThat(catchThrowableOfType(() -> strict.checkAddresses("mixed.example.com",
                List.of(ip("93.184.216.34"), ip("10.0.0.1"))), DomainValidationException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> strict.checkAddresses("nowhere.example.com", List.of()),
                DomainValidationException.class).getMessage()).contains("does not resolve");
        assertThat(catchThrowableOfType(() -> dev.checkAddresses("nowhere.example.com", List.of()),
                DomainValidationException.class)).as("even in development a name must resolve").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/x", "https://localhost/x", "https://api.localhost/x",
            "https://printer.local/", "https://metadata.google.internal/", "https://intranet/hooks"})
    void refusesUrlsBeforeAnyLookup(String url) {
        assertThat(catchThrowableOfType(() -> strict.checkUrl(new WebhookUrl(url)), DomainValidationException.class))
                .as(url).isNotNull();
    }

    @Test
    void developmentAllowsHttpAndLocalNames() {
        assertThatCode(() -> dev.checkUrl(new WebhookUrl("http://localhost:4000/hooks"))).doesNotThrowAnyException();
        assertThatCode(() -> strict.checkUrl(new WebhookUrl("https://hooks.example.com/x"))).doesNotThrowAnyException();
    }

    @Test
    void readsIpLiteralsWithoutALookup() {
        assertThat(DestinationPolicy.literal("127.0.0.1")).contains(ip("127.0.0.1"));
        assertThat(DestinationPolicy.literal("::1")).contains(ip("::1"));
        assertThat(DestinationPolicy.literal("hooks.example.com")).isEmpty();
    }
}
