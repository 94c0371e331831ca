package com.novabilling.adapter.in.rest.event;

import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.domain.shared.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;

import java.util.List;

/** Where to send an event again: one endpoint, or (absent) every enabled endpoint subscribed to its type. */
@Serdeable.Deserializable
@Schema(name = "RedeliverEventRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record RedeliverEventRequest(
        @Nullable
        @Schema(nullable = true, description = "Only to this endpoint; absent: every enabled endpoint subscribed to "
                + "the event's type", example = "we_01jq3v6x9c4m2k8d7f5h1n0p2r")
        String endpointId) implements JsonRequest {

    @Override
    public List<Violation> domainViolations() {
        return List.of();
    }
}
