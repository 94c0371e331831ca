package com.novabilling.domain.archfixture;

import io.micronaut.core.annotation.Introspected;

/** Deliberately breaks the domain rule (test fixture for HexagonRulesCanFailTest). */
@Introspected
public class DomainClassUsingMicronaut {

    public Object context() {
        return io.micronaut.context.ApplicationContext.builder();
    }
}
