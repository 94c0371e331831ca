package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;

/**
 * The OpenAPI schema of an event's {@code previousAttributes} (written from a JSON tree at runtime): an object
 * holding some of the Customer's fields, with their old values.
 */
@Schema(name = "PreviousAttributes", type = "object", additionalProperties = AdditionalPropertiesValue.TRUE,
        description = "customer.updated only: the old values of the fields that changed (updatedAt left out), with the "
                + "names and formats of the Customer's fields; a field that was null shows null",
        example = "{\"email\": \"sarah@kampaltech.ug\", \"country\": null}")
public final class PreviousAttributes {

    private PreviousAttributes() {
    }
}
