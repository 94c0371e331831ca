package com.novabilling.domain.access;

import com.novabilling.domain.shared.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The secret of an API key: {@code sk_live_} (or {@code sk_test_}) + at least 32 base62 characters.
 * Only its SHA-256 is ever stored; {@link #toString()} never shows it, so it cannot leak into a log line
 * by accident.
 */
public record ApiKeySecret(String value) {

    public static final int RANDOM_LENGTH = 40;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int MIN_RANDOM_LENGTH = 32;
    private static final int MAX_RANDOM_LENGTH = 128;
    private static final int DISPLAY_LENGTH = 12;
    /**
     * One SHA-256 digest per thread, reused: every authenticated request hashes its key, and
     * {@code MessageDigest.getInstance} looks the algorithm up among the security providers each time
     * (visible in the request path's profile). {@code digest} resets it after each use.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    public ApiKeySecret {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not an API key secret");
        }
    }

    /** A new live secret: 40 base62 characters (about 238 bits) from {@code random}, a SecureRandom. */
    public static ApiKeySecret generate(RandomGenerator random) {
        StringBuilder s = new StringBuilder("sk_live_");
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            s.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return new ApiKeySecret(s.toString());
    }

    /** The secret, or empty when {@code presented} is not shaped like one. */
    public static Optional<ApiKeySecret> parse(String presented) {
        return wellFormed(presented) ? Optional.of(new ApiKeySecret(presented)) : Optional.empty();
    }

    public byte[] sha256() {
        return SHA256.get().digest(value.getBytes(StandardCharsets.US_ASCII));
    }

    /** What may be shown to identify the key later: {@code sk_live_AbCd} (12 characters). */
    public String displayPrefix() {
        return value.substring(0, DISPLAY_LENGTH);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + displayPrefix() + "…]";
    }

    /**
     * {@code sk_(live|test)_[0-9A-Za-z]{32,128}}, by a loop: every authenticated request checks its key (twice:
     * the authentication and the access log's key prefix), and a regular expression showed in its profile.
     */
    private static boolean wellFormed(String s) {
        int prefix = "sk_live_".length();
        if (s == null || s.length() < prefix + MIN_RANDOM_LENGTH || s.length() > prefix + MAX_RANDOM_LENGTH
                || !(s.startsWith("sk_live_") || s.startsWith("sk_test_"))) {
            return false;
        }
        for (int i = prefix; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Text.isAsciiLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
