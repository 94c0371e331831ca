package com.novabilling.application.fake;

import com.novabilling.application.port.out.webhook.AddressResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DNS as a test sets it: host name to IP literals; unknown names do not resolve. */
public final class FakeAddressResolver implements AddressResolver {

    private final Map<String, List<InetAddress>> answers = new HashMap<>();

    public FakeAddressResolver answer(String host, String... ips) {
        try {
            InetAddress[] addresses = new InetAddress[ips.length];
            for (int i = 0; i < ips.length; i++) {
                addresses[i] = InetAddress.getByName(ips[i]);
            }
            answers.put(host, List.of(addresses));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) {
        return answers.getOrDefault(host, List.of());
    }
}
