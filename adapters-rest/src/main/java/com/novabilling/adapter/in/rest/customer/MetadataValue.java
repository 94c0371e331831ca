package com.novabilling.adapter.in.rest.customer;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * One metadata value as sent: a {@link String}, a {@link Boolean} or a number exactly as written
 * ({@link java.math.BigDecimal} for decimals, so {@code 1.10} stays {@code 1.10}; integers as Integer, Long or
 * BigInteger). Any other JSON value (object, array) is kept as a {@code null} value, which
 * {@link com.novabilling.domain.customer.Metadata#of} refuses naming the key ({@code metadata.plan}), so the
 * rules and their messages live in the domain. In the OpenAPI document: string | number | boolean
 * ({@code src/main/openapi/additions.yml}; OpenAPI 3.0 annotations cannot state "one of three primitives").
 *
 * @param value the scalar, or {@code null} for a value of another kind
 */
@Schema(ref = "#/components/schemas/MetadataValue")
public record MetadataValue(Object value) {

    /**
     * Reads any JSON value into a {@link MetadataValue}; the request reader has parsed the body into a tree
     * with exact decimals, so the number is the one the caller wrote.
     */
    @Singleton
    public static final class MetadataValueDeserializer implements Deserializer<MetadataValue> {

        @Override
        public MetadataValue deserialize(Decoder decoder, DecoderContext context,
                                         Argument<? super MetadataValue> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (node.isString()) {
                return new MetadataValue(node.getStringValue());
            }
            if (node.isBoolean()) {
                return new MetadataValue(node.getBooleanValue());
            }
            if (node.isNumber()) {
                return new MetadataValue(node.getNumberValue());
            }
            return new MetadataValue(null);
        }
    }
}
