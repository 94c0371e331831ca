package com.novabilling.adapter.out.persistence.postgres.migration;

import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.flywaydb.core.internal.util.StringUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway's migrations as {@link MigrationIndex} listed them at build time: the {@link ResourceProvider} and the
 * (empty: there are no Java migrations) {@link ClassProvider} that, given together, make Flyway skip its class-path
 * scanner. Each script is still Flyway's own {@link ClassPathResource}, read from the class path when Flyway reads
 * it, so checksums and the validation of applied migrations are exactly what the scanner's resources give.
 */
public final class IndexedMigrations implements ResourceProvider, ClassProvider<JavaMigration> {

    private final List<LoadableResource> resources;

    private IndexedMigrations(List<LoadableResource> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * The migrations the index on {@code classLoader}'s class path lists, read with {@code encoding}; empty when
     * there is no index (a build that did not write it): then Flyway must scan as usual.
     */
    public static Optional<IndexedMigrations> load(ClassLoader classLoader, Charset encoding) {
        InputStream in = classLoader.getResourceAsStream(MigrationIndex.RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        Location location = new Location("classpath:" + MigrationIndex.DIRECTORY);
        List<LoadableResource> resources = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    resources.add(new ClassPathResource(location, line.strip(), classLoader, encoding));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MigrationIndex.RESOURCE, e);
        }
        return Optional.of(new IndexedMigrations(resources));
    }

    /**
     * As Flyway's scanner: the resource whose path relative to the location is {@code name} (case-insensitive), or
     * whose absolute path is {@code name}; null when there is none.
     */
    @Override
    public LoadableResource getResource(String name) {
        for (LoadableResource resource : resources) {
            if (resource.getRelativePath().equalsIgnoreCase(name) || resource.getAbsolutePath().equals(name)) {
                return resource;
            }
        }
        return null;
    }

    /** As Flyway's scanner: the resources whose file name starts with {@code prefix} and ends with one of {@code suffixes}. */
    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource resource : resources) {
            if (StringUtils.startsAndEndsWith(resource.getFilename(), prefix, suffixes)) {
                matching.add(resource);
            }
        }
        return matching;
    }

    /**
     * Each migration's script as Flyway's history names it (the path relative to the location) and the checksum Flyway
     * computes for it ({@link ChecksumCalculator}, Flyway's own); empty unless every file listed
     * is a versioned SQL migration by Flyway's default naming ({@code V<version>__<description>.sql}), the only kind
     * this build has: {@link AppliedMigrations} does not model any other. Reads every script.
     */
    public Optional<Map<String, Integer>> versionedChecksums() {
        Map<String, Integer> checksums = new HashMap<>();
        for (LoadableResource resource : resources) {
            String name = resource.getFilename();
            if (!name.startsWith("V") || name.indexOf("__") < 2 || !name.endsWith(".sql")) {
                return Optional.empty();
            }
            checksums.put(resource.getRelativePath(), ChecksumCalculator.calculate(resource));
        }
        return Optional.of(Map.copyOf(checksums));
    }

    /** No Java migrations: every migration is a script. */
    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return List.of();
    }
}
