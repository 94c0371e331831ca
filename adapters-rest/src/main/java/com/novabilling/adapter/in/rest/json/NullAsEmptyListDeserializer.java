package com.novabilling.adapter.in.rest.json;

import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A merge patch member holding a list that is replaced whole and can never be empty (a webhook endpoint's
 * {@code events}): JSON {@code null} reads as an empty list, which the domain then refuses like {@code []}. A
 * list property rather than a {@link PatchValue} keeps the OpenAPI document's array schema (items, min and max).
 */
@Singleton
@Bean(typed = NullAsEmptyListDeserializer.class)
public final class NullAsEmptyListDeserializer extends NullAsEmptyDeserializer<List<?>> {

    @Override
    List<?> empty() {
        return List.of();
    }
}
