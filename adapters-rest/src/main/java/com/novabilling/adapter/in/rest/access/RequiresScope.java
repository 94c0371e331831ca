package com.novabilling.adapter.in.rest.access;

import com.novabilling.domain.access.Scope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API key needs for this endpoint. The authentication filter answers 403 {@code forbidden},
 * naming the scope, when the key lacks it. Routes without this annotation under {@code /api} still need
 * a valid key unless they are listed as public.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface RequiresScope {
    Scope value();
}
