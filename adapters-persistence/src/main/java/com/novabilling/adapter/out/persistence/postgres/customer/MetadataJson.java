package com.novabilling.adapter.out.persistence.postgres.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.novabilling.domain.customer.Metadata;

import java.io.UncheckedIOException;
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

    static Metadata read(String json) {
        try {
            return Metadata.of(MAPPER.readValue(json, OBJECT));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
