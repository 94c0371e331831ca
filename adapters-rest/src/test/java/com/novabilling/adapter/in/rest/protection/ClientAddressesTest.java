package com.novabilling.adapter.in.rest.protection;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.simple.SimpleHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static HttpRequest<?> from(String peer, String... forwardedFor) {
        MutableHttpRequest<?> request = new SimpleHttpRequest<>(io.micronaut.http.HttpMethod.GET, "/api/customers", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 40000);
            }
        };
        for (String value : forwardedFor) {
            request.header(ClientAddresses.X_FORWARDED_FOR, value);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheSocketAddressCountsAndForwardedForIsIgnored() {
        ClientAddresses addresses = new ClientAddresses("");

        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedForwardedAddressCounts() {
        ClientAddresses addresses = new ClientAddresses("10.0.0.0/8, 192.0.2.10");

        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4", "203.0.113.7, 192.0.2.10"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.1.2.3"))).as("no header: the proxy itself").isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("198.51.100.1", "203.0.113.7"))).as("untrusted peer").isEqualTo("198.51.100.1");
    }

    @Test
    void ipv6RangesWork() {
        ClientAddresses addresses = new ClientAddresses("2001:db8::/32");

        assertThat(addresses.of(from("2001:db8::1", "2001:db9::5"))).isEqualTo("2001:db9:0:0:0:0:0:5");
    }

    @Test
    void aBadListIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddresses("proxy.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOVABILLING_TRUSTED_PROXIES");
        assertThatThrownBy(() -> new ClientAddresses("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
