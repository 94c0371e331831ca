package com.novabilling.adapter.in.rest.json;

import jakarta.inject.Singleton;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.UnwrapByDefault;
import jakarta.validation.valueextraction.ValueExtractor;

/**
 * Lets jakarta constraints on a {@link PatchValue} property ({@code @Size(max = ...) PatchValue<String> email})
 * apply to the value sent; an absent field and JSON {@code null} have none, so only {@code @NotNull}-style
 * rules could see them, and those are not used on patch fields.
 */
@Singleton
@UnwrapByDefault
public final class PatchValueExtractor implements ValueExtractor<PatchValue<@ExtractedValue ?>> {

    @Override
    public void extractValues(PatchValue<?> originalValue, ValueReceiver receiver) {
        receiver.value(null, originalValue.value());
    }
}
