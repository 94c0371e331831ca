package com.novabilling.adapter.out.persistence.postgres.customer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.novabilling.domain.customer.Metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Metadata to and from the text of the {@code jsonb} column, by Jackson. Numbers are read as
 * {@link java.math.BigDecimal} (never {@code double}) and written in plain notation, so a value comes
 * back digit for digit; the key order is the domain's ({@link Metadata}), whatever order jsonb keeps.
 */
final class MetadataJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private MetadataJson() {
    }

    static String write(Metadata metadata) {
        try {
            return MAPPER.writeValueAsString(metadata.asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The metadata of a row this service wrote: read with Jackson's streaming parser (no tree, no data binding)
     * into {@link Metadata#trusted}, which skips the checks the value passed when it was written. Anything this
     * service does not write (a null, a nested object or array) goes through {@link #readChecked}, so it is
     * refused as before.
     */
    static Metadata read(String json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return readChecked(json);
            }
            Map<String, Object> values = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                switch (parser.nextToken()) {
                    case VALUE_STRING -> values.put(key, parser.getText());
                    case VALUE_TRUE -> values.put(key, Boolean.TRUE);
                    case VALUE_FALSE -> values.put(key, Boolean.FALSE);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(key, parser.getDecimalValue());
                    default -> {
                        return readChecked(json);
                    }
                }
            }
            return Metadata.trusted(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data binding and {@link Metadata#of}'s checks: for what this service never writes. */
    static Metadata readChecked(String json) {
        try {
            return Metadata.of(MAPPER.readValue(json, OBJECT));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
