package com.novabilling.adapter.in.rest.json;

import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import com.novabilling.adapter.in.rest.error.Violations;
import io.micronaut.json.tree.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reading typed fields out of a JSON object, recording every problem instead of stopping at the first. */
public final class JsonFields {

    public static final String MUST_BE_A_STRING = "must be a string";
    public static final String MUST_BE_AN_OBJECT = "must be an object";
    public static final String MUST_NOT_BE_NULL = "must not be null";
    public static final String IS_REQUIRED = "is required";
    public static final String UNKNOWN_FIELD = "unknown field";
    public static final String READ_ONLY = "is read-only";

    /** At most this many unknown fields are reported; the caller fixes those and hears about the rest. */
    public static final int MAX_UNKNOWN_REPORTED = 20;
    private static final int MAX_SHOWN_NAME = 64;

    private JsonFields() {
    }

    /** The body, which must be a JSON object. */
    public static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedJsonException(MalformedJsonException.NOT_AN_OBJECT);
        }
        return body;
    }

    /** Records a violation for every field of {@code object} that is read-only or not one of {@code writable}. */
    public static void rejectOtherFields(JsonNode object, Set<String> writable, Set<String> readOnly, Violations violations) {
        int unknown = 0;
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            String name = entry.getKey();
            if (writable.contains(name)) {
                continue;
            }
            if (readOnly.contains(name)) {
                violations.add(name, READ_ONLY);
            } else if (unknown++ < MAX_UNKNOWN_REPORTED) {
                violations.add(shown(name), UNKNOWN_FIELD);
            }
        }
    }

    /**
     * The value of a string field made by {@code factory} (a value-object constructor, whose own violations are
     * recorded), or {@code null} when the field is absent, JSON {@code null} or invalid. A non-string value is
     * recorded as "must be a string".
     */
    public static <T> T string(JsonNode object, String field, Function<String, T> factory, Violations violations) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(field, MUST_BE_A_STRING);
            return null;
        }
        String raw = node.getStringValue();
        return violations.attempt(() -> factory.apply(raw));
    }

    /**
     * Like {@link #string}, for a field that must be present: absent or JSON {@code null} is recorded as
     * "is required".
     */
    public static <T> T requiredString(JsonNode object, String field, Function<String, T> factory,
                                       Violations violations) {
        if (isAbsent(object, field) || isNull(object, field)) {
            violations.add(field, IS_REQUIRED);
            return null;
        }
        return string(object, field, factory, violations);
    }

    public static boolean isAbsent(JsonNode object, String field) {
        return object.get(field) == null;
    }

    public static boolean isNull(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node != null && node.isNull();
    }

    /** A field name as it may appear in an error: at most 64 characters, control characters replaced. */
    public static String shown(String name) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == MAX_SHOWN_NAME) {
                return out.append("...").toString();
            }
            boolean unprintable = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.SURROGATE;
            out.appendCodePoint(unprintable ? '?' : cp);
        }
        return out.toString();
    }
}
