package com.novabilling.adapter.out.persistence.postgres;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put beside {@code @Transactional} and {@link TranslateStoreFailures} on a use case: {@link CommitTracking} notes,
 * inside the transaction, that the use case returned, so a connection failure raised afterwards is known to be the
 * commit's (outcome unknown). A separate annotation because one {@code @Around} binding takes one interceptor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(CommitTracking.class)
public @interface TrackCommits {
}
