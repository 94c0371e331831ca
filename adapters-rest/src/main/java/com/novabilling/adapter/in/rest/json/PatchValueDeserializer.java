package com.novabilling.adapter.in.rest.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a {@link PatchValue}: micronaut-serde asks a deserializer for its {@linkplain #getDefaultValue default}
 * when the property is absent, and calls {@link #deserializeNullable} when it is present, {@code null}
 * included; the value itself is read by the deserializer of the type argument. This is micronaut-serde's own
 * extension point for absent-versus-null (the way it reads {@code Optional}, which cannot tell them apart).
 */
@Singleton
public final class PatchValueDeserializer implements Deserializer<PatchValue<?>> {

    @Override
    public Deserializer<PatchValue<?>> createSpecific(DecoderContext context, Argument<? super PatchValue<?>> type)
            throws SerdeException {
        Argument<?> valueType = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        return new Specific(context.findDeserializer(valueType).createSpecific(context, cast(valueType)), valueType);
    }

    @Override
    public PatchValue<?> deserialize(Decoder decoder, DecoderContext context, Argument<? super PatchValue<?>> type)
            throws IOException {
        return createSpecific(context, type).deserialize(decoder, context, type);
    }

    @Override
    public PatchValue<?> deserializeNullable(Decoder decoder, DecoderContext context,
                                             Argument<? super PatchValue<?>> type) throws IOException {
        return createSpecific(context, type).deserializeNullable(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }

    @Override
    public PatchValue<?> getDefaultValue(DecoderContext context, Argument<? super PatchValue<?>> type) {
        return PatchValue.absent();
    }

    @SuppressWarnings("unchecked")
    private static <T> Argument<? super T> cast(Argument<?> argument) {
        return (Argument<? super T>) argument;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record Specific(Deserializer values, Argument valueType) implements Deserializer<PatchValue<?>> {

        @Override
        public PatchValue<?> deserialize(Decoder decoder, DecoderContext context,
                                         Argument<? super PatchValue<?>> type) throws IOException {
            return PatchValue.of(values.deserializeNullable(decoder, context, valueType));
        }

        @Override
        public PatchValue<?> deserializeNullable(Decoder decoder, DecoderContext context,
                                                 Argument<? super PatchValue<?>> type) throws IOException {
            if (decoder.decodeNull()) {
                return PatchValue.ofNull();
            }
            return deserialize(decoder, context, type);
        }

        @Override
        public boolean allowNull() {
            return true;
        }

        @Override
        public PatchValue<?> getDefaultValue(DecoderContext context, Argument<? super PatchValue<?>> type) {
            return PatchValue.absent();
        }
    }
}
