package com.novabilling.adapter.in.rest.json;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/**
 * For a JSON merge patch member holding a list that is replaced whole and can never be empty (a webhook
 * endpoint's {@code events}): JSON {@code null} (remove the member) reads as an empty list, which the domain
 * then refuses like {@code []}, while an absent member stays {@code null} (unchanged). The sibling of
 * {@link NullAsEmptyMapDeserializer}, for the same reasons typed as this class only; a list property rather than
 * a {@link PatchValue} keeps the OpenAPI document's array schema (items, min and max) intact.
 */
@Singleton
@Bean(typed = NullAsEmptyListDeserializer.class)
public final class NullAsEmptyListDeserializer implements Deserializer<List<?>> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<List<?>> createSpecific(DecoderContext context, Argument<? super List<?>> type)
            throws SerdeException {
        Deserializer lists = context.findDeserializer((Argument) type).createSpecific(context, (Argument) type);
        return new Deserializer<>() {
            @Override
            public List<?> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<?>> type)
                    throws IOException {
                return (List<?>) lists.deserialize(decoder, context, type);
            }

            @Override
            public List<?> deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super List<?>> type)
                    throws IOException {
                return decoder.decodeNull() ? List.of() : (List<?>) lists.deserialize(decoder, context, type);
            }

            @Override
            public boolean allowNull() {
                return true;
            }
        };
    }

    @Override
    public List<?> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<?>> type)
            throws IOException {
        return createSpecific(context, type).deserialize(decoder, context, type);
    }

    @Override
    public List<?> deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super List<?>> type)
            throws IOException {
        return createSpecific(context, type).deserializeNullable(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
