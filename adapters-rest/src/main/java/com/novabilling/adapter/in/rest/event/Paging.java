package com.novabilling.adapter.in.rest.event;

import com.novabilling.adapter.in.rest.error.Violations;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The cursor paging parameters of the events and deliveries lists: {@code limit} and {@code startingAfter}. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

    private Paging() {
    }

    /** {@code limit}: absent or empty means 20; otherwise an integer 1..100. */
    public static int limit(String raw, Violations violations) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (INTEGER.matcher(raw).matches()) {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        violations.add("limit", "must be an integer between 1 and " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    /** {@code startingAfter}: absent or empty means from the newest; otherwise a well-formed id of the list's kind. */
    public static <T> T cursor(String raw, Function<String, Optional<T>> parse, String prefix, Violations violations) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Optional<T> id = parse.apply(raw);
        if (id.isEmpty()) {
            violations.add("startingAfter", "must be an id (" + prefix + "...) from a previous page");
            return null;
        }
        return id.get();
    }
}
