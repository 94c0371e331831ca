package com.novabilling.adapter.in.rest.json;

import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * A merge patch member holding an object that is replaced whole (customer metadata): JSON {@code null} reads as
 * an empty map, since removing the member and replacing it by {@code {}} are the same change.
 */
@Singleton
@Bean(typed = NullAsEmptyMapDeserializer.class)
public final class NullAsEmptyMapDeserializer extends NullAsEmptyDeserializer<Map<String, ?>> {

    @Override
    Map<String, ?> empty() {
        return Map.of();
    }
}
