package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an endpoint's deliveries go: an absolute {@code https} (or, where allowed, {@code http}) URL with a
 * host, at most 2,048 characters, without user info (credentials in a URL end up in logs) or fragment. The
 * host is kept lower-case; an IP literal stays a literal. Whether the host may be reached at all is the
 * {@link DestinationPolicy}'s decision.
 */
public record WebhookUrl(String value) {

    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    public WebhookUrl {
        if (value == null || value.isEmpty()) {
            throw new DomainValidationException(FIELD, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DomainValidationException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value) || Text.hasWhitespace(value)) {
            throw new DomainValidationException(FIELD, "must not contain whitespace or control characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DomainValidationException(FIELD, "must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new DomainValidationException(FIELD, "must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DomainValidationException(FIELD, "must name a host (ASCII; write international names in punycode)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DomainValidationException(FIELD, "must not contain user info (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw new DomainValidationException(FIELD, "must not contain a fragment (#...)");
        }
        if (uri.getPort() == 0) {
            throw new DomainValidationException(FIELD, "must not use port 0");
        }
    }

    public URI uri() {
        return URI.create(value);
    }

    public boolean isHttps() {
        return uri().getScheme().equalsIgnoreCase("https");
    }

    /** The host without the brackets of an IPv6 literal, lower-case. */
    public String host() {
        String host = uri().getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return value;
    }
}
