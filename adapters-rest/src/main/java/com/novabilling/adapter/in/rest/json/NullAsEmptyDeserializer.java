package com.novabilling.adapter.in.rest.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;

import java.io.IOException;

/**
 * For a JSON merge patch member whose value is replaced whole: JSON {@code null} (remove the member) reads as
 * the type's {@linkplain #empty() empty value}, while an absent member stays {@code null} (unchanged). The value
 * itself is read by micronaut-serde's own deserializer of the type. Subclasses are beans typed as their own
 * class only (exposed as a {@code Deserializer<Map>} or {@code <List>} they would become the deserializer of
 * every map or list, the one they delegate to included), put on a property with
 * {@code @Serdeable.Deserializable(using = ...)}.
 *
 * @param <C> the member's type
 */
abstract class NullAsEmptyDeserializer<C> implements Deserializer<C> {

    /** What JSON {@code null} reads as. */
    abstract C empty();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Deserializer<C> createSpecific(DecoderContext context, Argument<? super C> type) throws SerdeException {
        Deserializer values = context.findDeserializer((Argument) type).createSpecific(context, (Argument) type);
        C empty = empty();
        return new Deserializer<>() {
            @Override
            public C deserialize(Decoder decoder, DecoderContext context, Argument<? super C> type) throws IOException {
                return (C) values.deserialize(decoder, context, type);
            }

            @Override
            public C deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super C> type)
                    throws IOException {
                return decoder.decodeNull() ? empty : (C) values.deserialize(decoder, context, type);
            }

            @Override
            public boolean allowNull() {
                return true;
            }
        };
    }

    @Override
    public C deserialize(Decoder decoder, DecoderContext context, Argument<? super C> type) throws IOException {
        return createSpecific(context, type).deserialize(decoder, context, type);
    }

    @Override
    public C deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super C> type)
            throws IOException {
        return createSpecific(context, type).deserializeNullable(decoder, context, type);
    }

    @Override
    public boolean allowNull() {
        return true;
    }
}
