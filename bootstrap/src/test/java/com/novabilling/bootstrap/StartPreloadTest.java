package com.novabilling.bootstrap;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import org.junit.jupiter.api.Test;
import org.postgresql.shaded.com.ongres.scram.common.ScramFunctions;
import org.postgresql.shaded.com.ongres.scram.common.ScramMechanism;
import org.postgresql.shaded.com.ongres.scram.common.StringPreparation;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class StartPreloadTest {

    private static final String MICRONAUT_SERVICES = "META-INF/micronaut/";

    @Test
    void theMainThreadsServiceLookupsReuseThePreloadsScan() {
        AtomicInteger scans = new AtomicInteger();
        ClassLoader counting = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals(MICRONAUT_SERVICES)) {
                    scans.incrementAndGet();
                }
                return super.getResources(name);
            }
        };
        StartPreload preload = StartPreload.begin(counting);
        preload.awaitServiceScan();

        assertThat(preload.serviceScanDone()).isTrue();
        assertThat(scans).hasValue(1);
        // what the main thread then looks up, another service type included, is answered from that scan
        assertThat(SoftServiceLoader.load(ApplicationContextConfigurer.class, counting).collectAll()).isEmpty();
        assertThat(SoftServiceLoader.load(BeanDefinitionReference.class, counting).collectAll()).isNotEmpty();
        assertThat(scans).hasValue(1);
    }

    @Test
    void theRequestEventItLoadsIsStillMicronauts() {
        // looked up by name: after a Micronaut upgrade that renames it, the preload would quietly stop helping
        assertThatCode(() -> Class.forName(StartPreload.REQUEST_EVENT, false, getClass().getClassLoader()))
                .doesNotThrowAnyException();
    }

    @Test
    void theScramMechanismItInitialisesIsStillTheDrivers() {
        // looked up by name as well: after a driver upgrade that moves it, only the derivation would be warmed
        assertThatCode(() -> Class.forName(StartPreload.SCRAM_MECHANISM, false, getClass().getClassLoader()))
                .doesNotThrowAnyException();
    }

    @Test
    void itsDerivationIsTheOneTheDriversScramLoginMakes() throws Exception {
        // the driver's own function on the same input: if the driver stops deriving this way, the warm-up warms
        // the wrong code, and this fails
        byte[] drivers = ScramFunctions.saltedPassword(ScramMechanism.SCRAM_SHA_256, StringPreparation.NO_PREPARATION,
                "novabilling-preload".toCharArray(), new byte[16], StartPreload.SCRAM_ITERATIONS);

        assertThat(StartPreload.deriveScramKey()).hasSize(32).isEqualTo(drivers);
        assertThat(StartPreload.SCRAM_ITERATIONS).isEqualTo(4096);
    }

    @Test
    void aFailingScanNeitherHoldsTheMainThreadNorStopsTheStart() {
        ClassLoader broken = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) {
                throw new IllegalStateException("disk gone");
            }
        };
        StartPreload preload = StartPreload.begin(broken);

        preload.awaitServiceScan();

        assertThat(preload.serviceScanDone()).isTrue(); // released by the failure, not by the 10 s bound
    }
}
