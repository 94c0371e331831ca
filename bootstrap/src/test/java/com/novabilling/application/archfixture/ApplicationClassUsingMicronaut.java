package com.novabilling.application.archfixture;

import io.micronaut.context.annotation.Value;

/** Deliberately breaks the application rule (test fixture for HexagonRulesCanFailTest). */
public class ApplicationClassUsingMicronaut {

    @Value("${x}")
    String x;
}
