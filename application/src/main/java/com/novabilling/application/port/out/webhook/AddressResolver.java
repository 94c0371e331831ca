package com.novabilling.application.port.out.webhook;

import java.net.InetAddress;
import java.util.List;

/** DNS: every address a host name resolves to, as the HTTP client that sends webhooks will see them. */
public interface AddressResolver {

    /** Empty when the name does not resolve. */
    List<InetAddress> resolve(String host);
}
