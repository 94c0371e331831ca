package com.novabilling.domain.shared;

/**
 * Small text checks shared by the value objects. Internal helper, not a domain concept. The checks are plain
 * loops over the code points (no streams, no regular expressions): every row read back builds value objects
 * through them, so they sit on the read path of every request.
 */
public final class Text {

    /** How much of a raw id from a request a "not found" message shows. */
    public static final int SHOWN_ID_LENGTH = 64;

    private Text() {}

    /**
     * True when {@code s} holds a character no human-entered text should: an ISO control
     * character (C0, DEL, C1), a line or paragraph separator (U+2028, U+2029), or an unpaired
     * surrogate.
     */
    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** True for the ASCII letters and digits, {@code [A-Za-z0-9]}: the alphabet of identifiers and keys. */
    public static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** True when {@code s} holds any whitespace or space character (including no-break spaces). */
    public static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * True when {@code s} shows nothing: it is empty or holds only whitespace, space separators (no-break
     * spaces included) and invisible format characters (zero-width space and joiners, direction marks, the
     * byte-order mark). {@link String#isBlank()} misses all but the first kind.
     */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * True when {@code s} holds an invisible format character (zero-width space or joiner, a direction mark
     * or override, the byte-order mark, a soft hyphen...): fine inside a name, where scripts and emoji need
     * them, but in an identifier it makes two values that look the same differ.
     */
    public static boolean hasInvisibleCharacters(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            // no ASCII character is a format character: skip the type look-up for them
            if (cp >= 0x80 && Character.getType(cp) == Character.FORMAT) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * {@code text} (the caller's own: an id, a field name, a metadata key) as it may appear in a message or an
     * answer: control characters, line separators and unpaired surrogates become {@code ?}, and past {@code max}
     * characters it is cut with "...", never splitting a character; {@code null} shows as "null".
     */
    public static String shown(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == max) {
                return out.append("...").toString();
            }
            boolean unprintable = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.SURROGATE;
            out.appendCodePoint(unprintable ? '?' : cp);
        }
        return out.toString();
    }

    /** Length in Unicode code points, what a user would call characters. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** At most {@code max} code points of {@code s}. */
    public static String truncate(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
