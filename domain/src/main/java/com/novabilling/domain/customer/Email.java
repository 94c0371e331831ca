package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Text;
import java.util.Locale;

/**
 * An email address, kept in the case it was given. Unicode letters are allowed in the local
 * part (RFC 6531), invisible format characters are not (they would make look-alike duplicates); the
 * domain must be ASCII (punycode for internationalized domains).
 * {@link #normalized()} is the form used to compare addresses for uniqueness.
 */
public record Email(String value) {

    static final String FIELD = "email";
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;

    /** Surrounding whitespace is removed; the rest must be a valid address. */
    public Email {
        value = value == null ? null : value.strip();
        String problem = problemWith(value);
        if (problem != null) {
            throw new DomainValidationException(FIELD, problem);
        }
    }

    /** Trims {@code raw} and validates it. */
    public static Email of(String raw) {
        return new Email(raw);
    }

    /** Lower-cased (locale-independent): two addresses are the same customer's when these match. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemWith(String v) {
        if (v == null || v.isEmpty()) {
            return "is required";
        }
        if (v.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (Text.hasControlCharacters(v)) {
            return "must not contain control characters";
        }
        if (Text.hasWhitespace(v)) {
            return "must not contain whitespace";
        }
        if (Text.hasInvisibleCharacters(v)) {
            return "must not contain invisible characters (zero-width or direction marks)";
        }
        int at = v.indexOf('@');
        if (at < 0 || at != v.lastIndexOf('@')) {
            return "must contain exactly one @, like name@example.com";
        }
        String local = v.substring(0, at);
        String domain = v.substring(at + 1);
        if (local.isEmpty()) {
            return "must have a name before the @";
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            return "must have at most " + MAX_LOCAL_LENGTH + " characters before the @";
        }
        if (domain.indexOf('.') < 0) {
            return "must have a domain with a dot after the @, like example.com";
        }
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) {
                return "must have an ASCII domain (use punycode, xn--, for internationalized domains)";
            }
        }
        int lastLabelLength = 0;
        for (int start = 0; start <= domain.length(); ) {
            int dot = domain.indexOf('.', start);
            int end = dot < 0 ? domain.length() : dot;
            if (!isLabel(domain, start, end)) {
                return "must have a domain made of dot-separated labels of 1 to 63 letters, digits"
                        + " or hyphens, not starting or ending with a hyphen";
            }
            lastLabelLength = end - start;
            start = end + 1;
        }
        if (lastLabelLength < 2) {
            return "must have a top-level domain of at least 2 characters";
        }
        return null;
    }

    /**
     * Whether {@code domain[start, end)} is a DNS label: 1 to 63 ASCII letters, digits or hyphens, not starting or
     * ending with a hyphen (a hand-written loop: this runs for every customer read back, see {@link Text}).
     */
    private static boolean isLabel(String domain, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LABEL_LENGTH
                || domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!Text.isAsciiLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }
}
