package com.novabilling.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** The same idempotency behaviour on the in-memory adapter (whose transactions run one at a time). */
@MicronautTest(transactional = false)
class MemoryIdempotencyEndToEndTest extends IdempotencyEndToEndTest {

    @Override
    protected Map<String, String> persistenceProperties() {
        return inMemory();
    }
}
