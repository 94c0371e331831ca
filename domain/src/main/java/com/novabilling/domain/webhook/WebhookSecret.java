package com.novabilling.domain.webhook;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The signing secret of a webhook endpoint: {@code whsec_} + 40 base62 characters (about 238 bits). The
 * whole string, as UTF-8, is the HMAC-SHA256 key. Shown to the tenant once, when it is issued; kept by the
 * service because it signs every delivery. {@link #toString()} never shows it.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    static final int RANDOM_LENGTH = 40;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile("whsec_[0-9A-Za-z]{32,128}");

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a webhook signing secret");
        }
    }

    /** A new secret drawn from {@code random}, a SecureRandom. */
    public static WebhookSecret generate(RandomGenerator random) {
        StringBuilder s = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            s.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return new WebhookSecret(s.toString());
    }

    @Override
    public String toString() {
        return "WebhookSecret[whsec_…]";
    }
}
