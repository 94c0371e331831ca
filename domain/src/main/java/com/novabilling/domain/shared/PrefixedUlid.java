package com.novabilling.domain.shared;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Ids of the form {@code <prefix>} + a 26-character ULID in lowercase Crockford base32: the first 10
 * characters encode the creation time in epoch milliseconds (48 bits), the last 16 encode 80 random
 * bits, so ids created in a later millisecond sort later as plain strings.
 */
public final class PrefixedUlid {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int SUFFIX_LENGTH = 26;
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long MASK_40_BITS = (1L << 40) - 1;

    private PrefixedUlid() {
    }

    public static String generate(String prefix, Instant at, RandomGenerator random) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(random, "random");
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("instant outside the 48-bit millisecond range: " + at);
        }
        StringBuilder id = new StringBuilder(prefix.length() + SUFFIX_LENGTH).append(prefix);
        encode(millis, 10, id);
        encode(random.nextLong() & MASK_40_BITS, 8, id);
        encode(random.nextLong() & MASK_40_BITS, 8, id);
        return id.toString();
    }

    public static boolean isWellFormed(String prefix, String s) {
        if (s == null || s.length() != prefix.length() + SUFFIX_LENGTH || !s.startsWith(prefix)) {
            return false;
        }
        // 26 base32 characters hold 130 bits; a ULID uses 128, so the first one is at most '7'.
        if (s.charAt(prefix.length()) > '7') {
            return false;
        }
        for (int i = prefix.length(); i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void encode(long bits, int chars, StringBuilder into) {
        for (int i = chars - 1; i >= 0; i--) {
            into.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 31)));
        }
    }
}
