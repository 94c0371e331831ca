package com.novabilling.adapter.in.rest.json;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #value()} characters, counted as the domain and JSON Schema's {@code maxLength}
 * count them: Unicode code points. {@code @Size} counts UTF-16 units, so it would refuse a name of 150
 * emoji that the domain accepts. {@code null} is valid (pair it with {@code @NotNull} where required).
 * Checked by {@link MaxCodePointsValidator}; the OpenAPI document states the same constant as
 * {@code maxLength}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface MaxCodePoints {

    int value();

    String message() default "must be at most {value} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
