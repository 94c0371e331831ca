package com.novabilling.adapter.in.rest.json;

import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.Violations;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shape of a {@link JsonRequest}, checked on the parsed tree before micronaut-serde binds it, so that
 * every unknown field, read-only field and wrong JSON type is reported at once (a deserializer stops at the
 * first). The expected shape is the record's own: its properties and their declared types, from its
 * compile-time bean introspection. What is wrong is recorded and left out of the tree the record is then
 * bound from, so binding never fails on a type; the rules of the values are the constraints' and the domain's.
 */
final class RequestShape {

    static final String MUST_BE_A_STRING = "must be a string";
    static final String MUST_BE_AN_OBJECT = "must be an object";
    static final String MUST_BE_AN_ARRAY = "must be an array";
    static final String MUST_BE_A_BOOLEAN = "must be true or false";
    static final String MUST_BE_A_WHOLE_NUMBER = "must be a whole number";
    static final String UNKNOWN_FIELD = "unknown field";
    static final String READ_ONLY = "is read-only";

    /** At most this many unknown fields (or bad array items) are reported; the caller hears about the rest next. */
    static final int MAX_REPORTED = 20;
    private static final int MAX_SHOWN_NAME = 64;
    private static final int MAX_LONG_DIGITS = 19;

    private RequestShape() {
    }

    /** The members of {@code object} that fit {@code type}; every misfit recorded in {@code violations}. */
    static JsonNode check(Class<?> type, JsonNode object, String prefix, Violations violations) {
        BeanIntrospection<?> introspection = BeanIntrospector.SHARED.getIntrospection(type);
        Set<String> readOnly = Set.of(introspection.stringValues(ReadOnlyFields.class));
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        int unknown = 0;
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            String name = entry.getKey();
            Optional<? extends BeanProperty<?, Object>> property = introspection.getProperty(name);
            if (property.isEmpty()) {
                if (readOnly.contains(name)) {
                    violations.add(prefix + name, READ_ONLY);
                } else if (unknown++ < MAX_REPORTED) {
                    violations.add(prefix + shown(name), UNKNOWN_FIELD);
                }
                continue;
            }
            JsonNode value = fit(property.get().asArgument(), entry.getValue(), prefix + name, violations);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return JsonNode.createObjectNode(kept);
    }

    /** {@code node} if it fits {@code expected} (or a copy holding only what fits); {@code null} if not. */
    private static JsonNode fit(Argument<?> expected, JsonNode node, String field, Violations violations) {
        Class<?> type = expected.getType();
        if (type == PatchValue.class) {
            return fit(expected.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), node, field, violations);
        }
        if (node.isNull() || type == Object.class) {
            return node;
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return expect(node.isString(), node, field, MUST_BE_A_STRING, violations);
        }
        if (type == Boolean.class || type == boolean.class) {
            return expect(node.isBoolean(), node, field, MUST_BE_A_BOOLEAN, violations);
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return expect(node.isNumber() && isWholeLong(node.getNumberValue()), node, field, MUST_BE_A_WHOLE_NUMBER,
                    violations);
        }
        if (Map.class.isAssignableFrom(type)) {
            return expect(node.isObject(), node, field, MUST_BE_AN_OBJECT, violations);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return items(expected.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), node, field, violations);
        }
        if (BeanIntrospector.SHARED.findIntrospection(type).isPresent()) {
            if (!node.isObject()) {
                violations.add(field, MUST_BE_AN_OBJECT);
                return null;
            }
            return check(type, node, field + ".", violations);
        }
        return node;
    }

    /** An array: items that do not fit become {@code null}, so the others keep their index. */
    private static JsonNode items(Argument<?> item, JsonNode node, String field, Violations violations) {
        if (!node.isArray()) {
            violations.add(field, MUST_BE_AN_ARRAY);
            return null;
        }
        List<JsonNode> kept = new ArrayList<>(node.size());
        int wrong = 0;
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            Violations own = new Violations();
            JsonNode fitted = fit(item, value, field + "[" + i + "]", own);
            if (!own.isEmpty() && wrong++ < MAX_REPORTED) {
                own.list().forEach(v -> violations.add(v.field(), v.message()));
            }
            kept.add(fitted == null ? JsonNode.nullNode() : fitted);
        }
        return JsonNode.createArrayNode(kept);
    }

    private static JsonNode expect(boolean fits, JsonNode node, String field, String message, Violations violations) {
        if (fits) {
            return node;
        }
        violations.add(field, message);
        return null;
    }

    /** Integral and within a {@code long}, without expanding a number like 1e999999 to its digits. */
    static boolean isWholeLong(Number number) {
        try {
            BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > MAX_LONG_DIGITS) {
                return false;
            }
            stripped.longValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    /** An unknown field's name as it may appear in an error: at most 64 characters, control characters replaced. */
    static String shown(String name) {
        return Problems.shown(name, MAX_SHOWN_NAME);
    }
}
