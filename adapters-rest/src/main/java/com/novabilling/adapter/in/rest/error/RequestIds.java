package com.novabilling.adapter.in.rest.error;

import io.micronaut.http.HttpRequest;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of a request, for logs and support: the caller's {@code X-Request-Id} when it is 1 to 64 characters
 * of {@code A-Z a-z 0-9 . _ -}, otherwise a new {@code req_} + 26 random base32 characters. Decided once per
 * request and kept as a request attribute, so the filter that echoes it and the error bodies agree, even
 * for errors Micronaut answers before any filter runs (an unknown route).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "novabilling.requestId";
    public static final String PREFIX = "req_";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 26;

    private RequestIds() {
    }

    /** The request's id, deciding (and remembering) it on first use. */
    public static String of(HttpRequest<?> request) {
        Optional<String> known = request.getAttribute(ATTRIBUTE, String.class);
        if (known.isPresent()) {
            return known.get();
        }
        String id = accepted(request.getHeaders().get(HEADER)).orElseGet(RequestIds::generate);
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** {@code raw} when it is an acceptable caller-chosen id. */
    public static Optional<String> accepted(String raw) {
        return raw != null && ACCEPTED.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
    }

    /** A new id: {@code req_} and 130 random bits in lowercase base32. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        long bits = 0;
        int available = 0;
        for (int i = 0; i < RANDOM_CHARS; i++) {
            if (available < 5) {
                bits = random.nextLong();
                available = 64;
            }
            id.append(BASE32[(int) (bits & 31)]);
            bits >>>= 5;
            available -= 5;
        }
        return id.toString();
    }
}
