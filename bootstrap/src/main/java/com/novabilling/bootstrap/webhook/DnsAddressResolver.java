package com.novabilling.bootstrap.webhook;

import com.novabilling.application.port.out.webhook.AddressResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.List;

/**
 * DNS through the JVM's resolver, {@link InetAddress#getAllByName}, which is also what {@code java.net.http}
 * uses to connect. The JVM caches a positive answer for {@code networkaddress.cache.ttl} seconds (30 unless
 * configured; set here when it is unset or 0), so the addresses checked right before a delivery are the ones
 * the HTTP client then connects to: a rebinding DNS server that answers a public address to the check and a
 * private one to the connect gets only one question.
 */
@Singleton
final class DnsAddressResolver implements AddressResolver {

    static final String CACHE_TTL = "networkaddress.cache.ttl";

    DnsAddressResolver() {
        String ttl = Security.getProperty(CACHE_TTL);
        if (ttl == null || ttl.isBlank() || ttl.trim().equals("0")) {
            Security.setProperty(CACHE_TTL, "30");
        }
    }

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
