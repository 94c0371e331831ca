package com.novabilling.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** The customers guide, step by step, on the in-memory adapter (NOVABILLING_PERSISTENCE=memory). */
@MicronautTest(transactional = false)
class MemoryCustomersGuideEndToEndTest extends CustomersGuideEndToEndTest {

    @Override
    protected Map<String, String> persistenceProperties() {
        return inMemory();
    }
}
