package com.novabilling.bootstrap;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class StartPreloadTest {

    @Test
    void theServiceScanIsDoneBeforeTheMainThreadGoesOn() {
        StartPreload preload = StartPreload.begin(getClass().getClassLoader());
        preload.awaitServiceScan();

        assertThat(preload.serviceScanDone()).isTrue();
        // the lookup it made answers the same afterwards (no configurer in this class path)
        assertThat(SoftServiceLoader.load(ApplicationContextConfigurer.class, getClass().getClassLoader()).collectAll())
                .isEmpty();
    }

    @Test
    void theRequestEventItLoadsIsStillMicronauts() {
        // looked up by name: after a Micronaut upgrade that renames it, the preload would quietly stop helping
        assertThatCode(() -> Class.forName(StartPreload.REQUEST_EVENT, false, getClass().getClassLoader()))
                .doesNotThrowAnyException();
    }

    @Test
    void aFailingScanNeitherHoldsTheMainThreadNorStopsTheStart() {
        ClassLoader broken = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("disk gone");
            }
        };
        StartPreload preload = StartPreload.begin(broken);

        assertThatCode(preload::awaitServiceScan).doesNotThrowAnyException();
        assertThat(preload.serviceScanDone()).isTrue();
    }
}
