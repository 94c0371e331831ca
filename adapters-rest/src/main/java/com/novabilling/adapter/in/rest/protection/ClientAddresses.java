package com.novabilling.adapter.in.rest.protection;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address a request comes from, for the authentication-failure throttle: the TCP peer's, unless the peer
 * is a proxy listed in {@code NOVABILLING_TRUSTED_PROXIES} (comma-separated IP addresses or CIDR ranges),
 * then the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (the left-most
 * entries are whatever the client chose to send). With no trusted proxy, {@code X-Forwarded-For} is ignored.
 *
 * <p>Made at start ({@code @Context}): a wrong value stops the start, where a bean made at the first request
 * answered every request with a 500.
 */
@Context
public final class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<Range> trustedProxies;

    public ClientAddresses(@Value("${novabilling.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = parse(trustedProxies);
    }

    public String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer == null) {
            return request.getRemoteAddress().getHostString();
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // garbage from the client's side of the chain: the last trusted hop is all we know
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
            peer = hop.get();
        }
        return peer.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    static List<Range> parse(String configured) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "NOVABILLING_TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            "NOVABILLING_TRUSTED_PROXIES: '" + text + "' has an invalid prefix length");
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    /** An IP literal (IPv4, or IPv6 with or without brackets); never a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = host.contains(":") && host.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int shift = bytes.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
