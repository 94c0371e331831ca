package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A customer's id: {@code cust_} followed by a 26-character ULID in lowercase Crockford base32.
 * The first 10 characters encode the creation time in epoch milliseconds (48 bits), the last 16
 * encode 80 random bits, so ids created in a later millisecond sort later as plain strings.
 */
public record CustomerId(String value) {

    public static final String PREFIX = "cust_";

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int SUFFIX_LENGTH = 26;
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final long MASK_40_BITS = (1L << 40) - 1;

    public CustomerId {
        if (value == null) {
            throw new DomainValidationException("id", "is required");
        }
        if (!isWellFormed(value)) {
            throw new DomainValidationException(
                    "id", "must be cust_ followed by 26 lowercase Crockford base32 characters");
        }
    }

    /** A new id for something created at {@code at}, random bits drawn from {@code random}. */
    public static CustomerId generate(Instant at, RandomGenerator random) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(random, "random");
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("instant outside the 48-bit millisecond range: " + at);
        }
        StringBuilder id = new StringBuilder(PREFIX.length() + SUFFIX_LENGTH).append(PREFIX);
        encode(millis, 10, id);
        encode(random.nextLong() & MASK_40_BITS, 8, id);
        encode(random.nextLong() & MASK_40_BITS, 8, id);
        return new CustomerId(id.toString());
    }

    /** The id, or empty when {@code raw} is not a well-formed customer id (callers answer 404). */
    public static Optional<CustomerId> parse(String raw) {
        return raw != null && isWellFormed(raw) ? Optional.of(new CustomerId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    private static void encode(long bits, int chars, StringBuilder into) {
        for (int i = chars - 1; i >= 0; i--) {
            into.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 31)));
        }
    }

    private static boolean isWellFormed(String s) {
        if (s.length() != PREFIX.length() + SUFFIX_LENGTH || !s.startsWith(PREFIX)) {
            return false;
        }
        // 26 base32 characters hold 130 bits; a ULID uses 128, so the first one is at most '7'.
        if (s.charAt(PREFIX.length()) > '7') {
            return false;
        }
        for (int i = PREFIX.length(); i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
