package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook destinations the service may call (server-side request forgery guard). By default: https
 * only, and every address the host resolves to must be a public unicast address: no loopback, private
 * (RFC 1918, unique-local fc00::/7), shared (100.64/10), link-local (169.254/16, fe80::/10, which hold the
 * cloud metadata services 169.254.169.254 and fd00:ec2::254), unspecified, multicast, reserved,
 * documentation or benchmarking range, also when an IPv6 address embeds such an IPv4 address
 * (::ffff:a.b.c.d, 64:ff9b::/96, 2002::/16). With {@code allowPrivateNetworks} (local development and
 * tests) every address and plain http are allowed.
 */
public record DestinationPolicy(boolean allowPrivateNetworks) {

    private static final String FIELD = "url";

    /** Refuses a URL this policy never calls, before any DNS lookup. */
    public void checkUrl(WebhookUrl url) {
        if (allowPrivateNetworks) {
            return;
        }
        if (!url.isHttps()) {
            throw new DomainValidationException(FIELD, "must use https");
        }
        String host = url.host();
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.equals("metadata.google.internal") || host.endsWith(".internal") || !host.contains(".")
                && !host.contains(":")) {
            throw new DomainValidationException(FIELD, "must name a public host, not " + host);
        }
    }

    /**
     * Refuses when any of {@code addresses} (all the host resolves to) is not allowed, or when there is none:
     * a resolver answering one public and one private address must not get a chance to be called on the
     * private one.
     */
    public void checkAddresses(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new DomainValidationException(FIELD, "host " + host + " does not resolve");
        }
        if (allowPrivateNetworks) {
            return;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = refusal(address);
            if (reason.isPresent()) {
                throw new DomainValidationException(FIELD, "must not resolve to a " + reason.get() + " address ("
                        + address.getHostAddress() + ")");
            }
        }
    }

    /** Why this address is not a public unicast one, or empty when it is. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(b);
        }
        return Optional.of("unknown kind of");
    }

    private static Optional<String> refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local or cloud metadata");
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return Optional.of("private");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("shared (carrier-grade NAT)");
        }
        if (a0 == 0) {
            return Optional.of("unspecified");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "multicast" : "reserved");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0 || a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113 || a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return refusalV4(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d
        }
        boolean firstTwelveZero = firstTenZero && b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            boolean firstFifteenZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (firstFifteenZero && b[15] == 1) {
                return Optional.of("loopback");
            }
            if (firstFifteenZero && b[15] == 0) {
                return Optional.of("unspecified");
            }
            return Optional.of("reserved"); // ::a.b.c.d, IPv4-compatible (deprecated)
        }
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique-local) or cloud metadata");
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of("link-local");
        }
        if ((w0 & 0xffc0) == 0xfec0) {
            return Optional.of("private (site-local)");
        }
        if ((b[0] & 0xff) == 0xff) {
            return Optional.of("multicast");
        }
        if (w0 == 0x2001 && ((b[2] & 0xff) << 8 | b[3] & 0xff) == 0x0db8) {
            return Optional.of("reserved");
        }
        if (w0 == 0x0064 && ((b[2] & 0xff) << 8 | b[3] & 0xff) == 0xff9b) {
            return refusalV4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64
        }
        if (w0 == 0x2002) {
            return refusalV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
        }
        if (w0 == 0x0100 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Optional.of("reserved"); // discard-only 100::/64
        }
        return Optional.empty();
    }

    /** An IP literal of a URL as an address, without any lookup; empty when {@code host} is a name. */
    public static Optional<InetAddress> literal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        boolean v4 = h.matches("[0-9.]+");
        boolean v6 = h.contains(":");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            throw new DomainValidationException(FIELD, "has a malformed IP address");
        }
    }
}
