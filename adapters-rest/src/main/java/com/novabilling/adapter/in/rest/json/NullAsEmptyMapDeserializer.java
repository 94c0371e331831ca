package com.novabilling.adapter.in.rest.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;

/**
 * For a JSON merge patch member holding an object that is replaced whole (customer metadata): JSON
 * {@code null} reads as an empty map, since removing the member and replacing it by {@code {}} are the same
 * change, while an absent member stays {@code null} (unchanged). Put on the property with
 * {@code @Serdeable.Deserializable(using = NullAsEmptyMapDeserializer.class)}; the map itself is read by
 * micronaut-serde's own map deserializer. A bean typed as this class only: exposed as a
 * {@code Deserializer<Map>} it would become the deserializer of every map, the one it delegates to included.
 */
@Singleton
@Bean(typed = NullAsEmptyMapDeserializer.class)
public final class NullAsEmptyMapDeserializer implements Deserializer<Map<String, ?>> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<Map<String, ?>> createSpecific(DecoderContext context, Argument<? super Map<String, ?>> type)
            throws SerdeException {
        Deserializer maps = context.findDeserializer((Argument) type).createSpecific(context, (Argument) type);
        return new Deserializer<>() {
            @Override
            public Map<String, ?> deserialize(Decoder decoder, DecoderContext context,
                                              Argument<? super Map<String, ?>> type) throws IOException {
                return (Map<String, ?>) maps.deserialize(decoder, context, type);
            }

            @Override
            public Map<String, ?> deserializeNullable(Decoder decoder, DecoderContext context,
                                                      Argument<? super Map<String, ?>> type) throws IOException {
                return decoder.decodeNull() ? Map.of() : (Map<String, ?>) maps.deserialize(decoder, context, type);
            }

            @Override
            public boolean allowNull() {
                return true;
            }
        };
    }

    @Override
    public Map<String, ?> deserialize(Decoder decoder, DecoderContext context, Argument<? super Map<String, ?>> type)
            throws IOException {
        return createSpecific(context, type).deserialize(decoder, context, type);
    }

    @Override
    public Map<String, ?> deserializeNullable(Decoder decoder, DecoderContext context,
                                              Argument<? super Map<String, ?>> type) throws IOException {
        return createSpecific(context, type).deserializeNullable(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
