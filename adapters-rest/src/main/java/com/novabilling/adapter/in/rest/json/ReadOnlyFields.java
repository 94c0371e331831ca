package com.novabilling.adapter.in.rest.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields of a {@link JsonRequest} that the API answers but only the server sets: sending one is a 400
 * naming it "is read-only" rather than "unknown field". Read from the record's compile-time annotation
 * metadata (no reflection).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyFields {

    String[] value();
}
