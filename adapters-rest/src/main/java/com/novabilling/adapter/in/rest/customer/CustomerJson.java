package com.novabilling.adapter.in.rest.customer;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a customer ({@link CustomerResponse}) and of a page of customers ({@link CustomerListResponse}),
 * written field by field: the same fields, order and values as the records' {@code @Serdeable} mapping (every
 * field always present, {@code null} when absent), without its per-field property reads and, for the metadata,
 * its per-value look-up of a serializer by the value's runtime type (metadata values are a {@link String}, a
 * {@link Boolean} or a {@link BigDecimal}; any other type still goes through that look-up). These are the
 * largest part of encoding a page of customers, the answer of most requests. {@code CustomerJsonTest} checks
 * that the text is the same as the introspection-based mapping's over many random customers.
 */
final class CustomerJson {

    private static final Argument<Map<String, Object>> METADATA = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<CustomerResponse>> CUSTOMERS = Argument.listOf(CustomerResponse.class);

    private CustomerJson() {
    }

    static void write(Encoder encoder, Serializer.EncoderContext context, CustomerResponse customer)
            throws IOException {
        Encoder object = encoder.encodeObject(CustomerResponseSerializer.TYPE);
        object.encodeKey("id");
        string(object, customer.id());
        object.encodeKey("externalId");
        string(object, customer.externalId());
        object.encodeKey("email");
        string(object, customer.email());
        object.encodeKey("name");
        string(object, customer.name());
        object.encodeKey("country");
        string(object, customer.country());
        object.encodeKey("currency");
        string(object, customer.currency());
        object.encodeKey("status");
        string(object, customer.status());
        object.encodeKey("metadata");
        metadata(object, context, customer.metadata());
        object.encodeKey("totalSpent");
        if (customer.totalSpent() == null) {
            object.encodeNull();
        } else {
            object.encodeBigDecimal(customer.totalSpent());
        }
        object.encodeKey("activeSubscriptions");
        object.encodeLong(customer.activeSubscriptions());
        object.encodeKey("createdAt");
        string(object, customer.createdAt());
        object.encodeKey("updatedAt");
        string(object, customer.updatedAt());
        object.finishStructure();
    }

    private static void string(Encoder encoder, String value) throws IOException {
        if (value == null) {
            encoder.encodeNull();
        } else {
            encoder.encodeString(value);
        }
    }

    private static void metadata(Encoder encoder, Serializer.EncoderContext context, Map<String, Object> metadata)
            throws IOException {
        if (metadata == null) {
            encoder.encodeNull();
            return;
        }
        Encoder object = encoder.encodeObject(METADATA);
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            object.encodeKey(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof String text) {
                object.encodeString(text);
            } else if (value instanceof Boolean flag) {
                object.encodeBoolean(flag);
            } else if (value instanceof BigDecimal number) {
                object.encodeBigDecimal(number);
            } else if (value == null) {
                object.encodeNull();
            } else {
                other(object, context, value);
            }
        }
        object.finishStructure();
    }

    /** A value of a type {@link com.novabilling.domain.customer.Metadata} does not hold: the generic way. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void other(Encoder encoder, Serializer.EncoderContext context, Object value) throws IOException {
        Argument type = Argument.of(value.getClass());
        Serializer serializer = context.findSerializer(type).createSpecific(context, type);
        serializer.serialize(encoder, context, type, value);
    }

    /** {@link CustomerResponse} on the wire. */
    @Singleton
    static final class CustomerResponseSerializer implements Serializer<CustomerResponse> {

        static final Argument<CustomerResponse> TYPE = Argument.of(CustomerResponse.class);

        @Override
        public void serialize(Encoder encoder, EncoderContext context, Argument<? extends CustomerResponse> type,
                              CustomerResponse value) throws IOException {
            write(encoder, context, value);
        }
    }

    /** {@link CustomerListResponse} on the wire: its customers written as {@link CustomerResponseSerializer} does. */
    @Singleton
    static final class CustomerListResponseSerializer implements Serializer<CustomerListResponse> {

        private static final Argument<CustomerListResponse> TYPE = Argument.of(CustomerListResponse.class);

        @Override
        public void serialize(Encoder encoder, EncoderContext context, Argument<? extends CustomerListResponse> type,
                              CustomerListResponse value) throws IOException {
            Encoder object = encoder.encodeObject(TYPE);
            object.encodeKey("data");
            if (value.data() == null) {
                object.encodeNull();
            } else {
                Encoder array = object.encodeArray(CUSTOMERS);
                for (CustomerResponse customer : value.data()) {
                    if (customer == null) {
                        array.encodeNull();
                    } else {
                        write(array, context, customer);
                    }
                }
                array.finishStructure();
            }
            object.encodeKey("total");
            object.encodeLong(value.total());
            object.encodeKey("page");
            object.encodeInt(value.page());
            object.encodeKey("limit");
            object.encodeInt(value.limit());
            object.encodeKey("totalPages");
            object.encodeLong(value.totalPages());
            object.encodeKey("hasMore");
            object.encodeBoolean(value.hasMore());
            object.finishStructure();
        }
    }
}
