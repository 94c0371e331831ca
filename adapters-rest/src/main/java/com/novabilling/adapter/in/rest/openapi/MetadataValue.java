package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A metadata value in the OpenAPI document: a string (at most 500 characters), a number or a boolean. The
 * schema itself is in {@code src/main/openapi/metadata-value.yml}, merged into the generated document,
 * because OpenAPI 3.0 annotations cannot state "one of three primitive types".
 */
@Schema(ref = "#/components/schemas/MetadataValue")
public interface MetadataValue {
}
