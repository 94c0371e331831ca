package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Text;
import com.novabilling.domain.shared.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A flat set of key/value pairs the integrator attaches to a customer: at most 50 keys, keys of 1
 * to 40 characters, values a string (at most 500 characters), a number or a boolean. Numbers are
 * held as {@link BigDecimal} without trailing zeros ({@code 10}, {@code 1.5}), so equal numbers
 * are equal however they were written. Keys are kept in one canonical order, by Unicode code point
 * ({@link #KEY_ORDER}), whatever order they were given or stored in: every answer about a customer
 * (create, update, read, list) shows its metadata the same way on any store (PostgreSQL's {@code jsonb}
 * reorders keys; a map in memory would keep insertion order).
 */
public final class Metadata {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_STRING_LENGTH = 500;
    public static final int MAX_PRECISION = 30;
    public static final int MAX_SCALE = 20;

    private static final String FIELD = "metadata";
    private static final String WRONG_TYPE = "must be a string, number or boolean";
    private static final String BAD_NUMBER = "must be a number with at most " + MAX_PRECISION
            + " digits, at most " + MAX_SCALE + " of them after the decimal point";
    private static final Metadata EMPTY = new Metadata(Collections.emptyMap());

    /** Keys by Unicode code point (the binary order of their UTF-8), so {@code "B" < "a" < "é" < "😀"}. */
    public static final Comparator<String> KEY_ORDER = Metadata::compareCodePoints;

    private final Map<String, Object> values;

    private Metadata(Map<String, Object> values) {
        this.values = values;
    }

    public static Metadata empty() {
        return EMPTY;
    }

    /** Validates every key and value, reporting all violations at once. */
    public static Metadata of(Map<String, ?> raw) {
        if (raw == null) {
            throw new DomainValidationException(FIELD, "must be an object");
        }
        List<Violation> violations = new ArrayList<>();
        if (raw.size() > MAX_KEYS) {
            violations.add(new Violation(FIELD, "must have at most " + MAX_KEYS + " keys"));
        }
        Map<String, Object> values = new TreeMap<>(KEY_ORDER);
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String key = entry.getKey();
            if (!keyIsValid(key, violations)) {
                continue;
            }
            Object value = normalizedValue(key, entry.getValue(), violations);
            if (value != null) {
                values.put(key, value);
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
        return values.isEmpty() ? EMPTY : new Metadata(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * Metadata as this service stored it, <b>only for rows this service wrote</b> (the persistence adapter reading
     * its own database back): they passed {@link #of} when they were written, so their keys and values are not
     * checked again (no key length, blank key or control character check, no string length, no number bounds,
     * no key count). What it does: it rejects a {@code null} map, key or value and any value that is not a
     * {@link String}, {@link Boolean} or {@link BigDecimal} ({@link NullPointerException},
     * {@link IllegalArgumentException}: a broken row is a bug, not a caller's mistake), strips a number's trailing
     * zeros as {@link #of} does (so equal numbers stay equal), and orders the keys by {@link #KEY_ORDER}.
     * Anything from outside (a request body, a migration's input) goes through {@link #of}.
     */
    public static Metadata trusted(Map<String, ?> stored) {
        if (Objects.requireNonNull(stored, "metadata").isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> values = new TreeMap<>(KEY_ORDER);
        for (Map.Entry<String, ?> entry : stored.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "metadata key");
            Object value = Objects.requireNonNull(entry.getValue(), "metadata value");
            if (value instanceof BigDecimal decimal) {
                value = stripped(decimal);
            } else if (!(value instanceof String) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("metadata." + key + " is a " + value.getClass().getSimpleName()
                        + ", not a string, number or boolean");
            }
            values.put(key, value);
        }
        return new Metadata(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** Unmodifiable, keys in {@link #KEY_ORDER}; values are {@link String}, {@link Boolean} or {@link BigDecimal}. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Metadata" + values;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static boolean keyIsValid(String key, List<Violation> violations) {
        if (key == null || key.isEmpty()) {
            violations.add(new Violation(FIELD, "keys must be 1 to " + MAX_KEY_LENGTH + " characters"));
            return false;
        }
        if (Text.length(key) > MAX_KEY_LENGTH) {
            violations.add(new Violation(FIELD, "key \"" + Text.truncate(key, MAX_KEY_LENGTH)
                    + "...\" must be at most " + MAX_KEY_LENGTH + " characters"));
            return false;
        }
        if (Text.hasControlCharacters(key)) {
            violations.add(new Violation(FIELD + "." + key, "key must not contain control characters"));
            return false;
        }
        if (Text.isBlank(key)) {
            violations.add(new Violation(FIELD + "." + key, "key must not be blank"));
            return false;
        }
        return true;
    }

    private static Object normalizedValue(String key, Object value, List<Violation> violations) {
        String field = FIELD + "." + key;
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            if (Text.length(s) > MAX_STRING_LENGTH) {
                violations.add(new Violation(field, "must be at most " + MAX_STRING_LENGTH + " characters"));
                return null;
            }
            if (Text.hasControlCharacters(s)) {
                violations.add(new Violation(field, "must not contain control characters"));
                return null;
            }
            return s;
        }
        if (value instanceof Number n) {
            BigDecimal decimal = toBigDecimal(n);
            if (decimal == null) {
                violations.add(new Violation(field, n instanceof Double || n instanceof Float
                        ? "must be a finite number" : WRONG_TYPE));
                return null;
            }
            BigDecimal normalized = normalize(decimal);
            if (normalized == null) {
                violations.add(new Violation(field, BAD_NUMBER));
            }
            return normalized;
        }
        violations.add(new Violation(field, WRONG_TYPE));
        return null;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (n instanceof BigDecimal decimal) {
            return decimal;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(n.toString());
        }
        return null;
    }

    /** Without trailing zeros and with a non-negative scale (no bounds checked). */
    private static BigDecimal stripped(BigDecimal decimal) {
        if (decimal.scale() == 0) {
            return decimal;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Without trailing zeros and with a non-negative scale, or null when out of bounds. */
    private static BigDecimal normalize(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        // integer digits, checked before setScale so 1E+999999999 never expands
        if (stripped.precision() - stripped.scale() > MAX_PRECISION || stripped.scale() > MAX_SCALE) {
            return null;
        }
        BigDecimal plain = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        return plain.precision() > MAX_PRECISION ? null : plain;
    }
}
