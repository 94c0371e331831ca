package com.novabilling.domain.event;

/** An id from a request as it may appear in a message: at most 64 characters, control characters replaced. */
public final class Shown {

    private static final int MAX_SHOWN = 64;

    private Shown() {
    }

    public static String id(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == MAX_SHOWN) {
                return out.append("...").toString();
            }
            boolean control = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.SURROGATE;
            out.appendCodePoint(control ? '?' : cp);
        }
        return out.toString();
    }
}
