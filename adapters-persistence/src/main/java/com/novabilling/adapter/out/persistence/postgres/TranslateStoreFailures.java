package com.novabilling.adapter.out.persistence.postgres;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put beside {@code @Transactional} on a use case: a connection failure raised by the transaction manager
 * itself (no connection to begin with, a dead connection at begin or commit) leaves as the out-port's
 * {@code StoreUnavailableException}, classified by {@link PostgresFailures} like every other, and marked "outcome
 * unknown" when it came from the commit ({@link TrackCommits} beside it says so).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(StoreUnavailableTranslation.class)
public @interface TranslateStoreFailures {
}
