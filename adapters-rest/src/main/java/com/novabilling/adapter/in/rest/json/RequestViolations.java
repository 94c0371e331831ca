package com.novabilling.adapter.in.rest.json;

import com.novabilling.domain.shared.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every broken rule of a request, in one list: the JSON shape's (wrong types, unknown fields), the jakarta
 * constraints' and the domain's. A field reported by an earlier stage is not reported again by a later one
 * (a name of 300 characters breaks {@code @MaxCodePoints} and the domain's rule alike: one message).
 */
public final class RequestViolations {

    private RequestViolations() {
    }

    public static List<Violation> merge(List<Violation> shape, Set<? extends ConstraintViolation<?>> constraints,
                                        JsonRequest request) {
        List<Violation> all = new ArrayList<>(shape);
        Set<String> reported = new HashSet<>();
        shape.forEach(v -> reported.add(v.field()));
        constraints.stream()
                .map(v -> new Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .filter(v -> reported.add(v.field()))
                .forEach(all::add);
        if (request != null) {
            Set<String> before = Set.copyOf(reported);
            for (Violation v : request.domainViolations()) {
                if (!before.contains(v.field()) && !before.contains(root(v.field()))) {
                    all.add(v);
                }
            }
        }
        return all;
    }

    /**
     * The request field a constraint violation's path names: {@code name}, {@code rateLimit.burst},
     * {@code scopes[2]}; the method and parameter nodes of a method validation are left out.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.BEAN) {
                continue;
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
        }
        return field.toString();
    }

    /** {@code metadata} of {@code metadata.plan}, {@code scopes} of {@code scopes[1]}. */
    private static String root(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }
}
