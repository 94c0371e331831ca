package com.novabilling.adapter.in.rest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body into a JSON tree, strictly: exactly one JSON value (trailing content is an error),
 * no duplicate keys, and decimals kept exact as {@link java.math.BigDecimal} (Micronaut's own tree binding
 * reads them as {@code double}, which silently rounds metadata numbers of more than ~16 digits). Anything
 * unreadable is a {@link MalformedJsonException}: 400 {@code malformed_json}.
 */
public final class JsonBodies {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    /** The tree, or {@code null} for an empty (or all-whitespace) body. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode tree = read(parser, first);
            if (parser.nextToken() != null) {
                throw malformed("The request body must hold a single JSON value; found more after it",
                        parser.currentTokenLocation());
            }
            return tree;
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage();
            boolean duplicate = original != null && original.startsWith("Duplicate field");
            throw malformed(duplicate ? "The request body has the same field twice in one object"
                    : "The request body is not valid JSON", e.getLocation());
        } catch (IOException e) {
            throw new MalformedJsonException("The request body is not valid JSON.");
        }
    }

    private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    fields.put(name, read(parser, parser.nextToken()));
                }
                return JsonNode.createObjectNode(fields);
            }
            case START_ARRAY: {
                List<JsonNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                return JsonNode.createArrayNode(items);
            }
            case VALUE_STRING:
                return JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> JsonNode.createNumberNode(parser.getIntValue());
                    case LONG -> JsonNode.createNumberNode(parser.getLongValue());
                    default -> JsonNode.createNumberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return JsonNode.createNumberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return JsonNode.createBooleanNode(true);
            case VALUE_FALSE:
                return JsonNode.createBooleanNode(false);
            case VALUE_NULL:
                return JsonNode.nullNode();
            default:
                throw malformed("The request body is not valid JSON", parser.currentTokenLocation());
        }
    }

    private static MalformedJsonException malformed(String what, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new MalformedJsonException(what + ".");
        }
        return new MalformedJsonException(what + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ").");
    }
}
