package com.novabilling.application.service.webhook;

import com.novabilling.application.port.out.webhook.AddressResolver;
import com.novabilling.domain.webhook.DestinationPolicy;
import com.novabilling.domain.webhook.WebhookUrl;

import java.net.InetAddress;
import java.util.List;

/**
 * The {@link DestinationPolicy} applied to a URL with the addresses its host resolves to now: at create and
 * update (400 when refused) and again right before every delivery (against DNS rebinding: a name that
 * resolved to a public address at create time may point at 169.254.169.254 later).
 */
public final class DestinationCheck {

    private final DestinationPolicy policy;
    private final AddressResolver resolver;

    public DestinationCheck(DestinationPolicy policy, AddressResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Throws the policy's {@code DomainValidationException} (field {@code url}) when refused. */
    public void check(WebhookUrl url) {
        policy.checkUrl(url);
        String host = url.host();
        List<InetAddress> addresses = DestinationPolicy.literal(host).map(List::of)
                .orElseGet(() -> resolver.resolve(host));
        policy.checkAddresses(host, addresses);
    }
}
