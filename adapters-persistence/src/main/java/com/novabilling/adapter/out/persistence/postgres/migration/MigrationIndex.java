package com.novabilling.adapter.out.persistence.postgres.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The list of the files under {@code db/migration}, written by the build next to them (adapters-persistence's
 * {@code pom.xml} runs {@link #main} in {@code process-classes}) and read at start by {@link IndexedMigrations}, so
 * Flyway finds its migrations without scanning the class path (in the fat jar that means walking its ~25,000
 * entries at every start). One class-path-relative path per line ({@code db/migration/V1__baseline.sql}), sorted;
 * every file of the directory and its subdirectories, as Flyway's scanner would see them.
 */
public final class MigrationIndex {

    /** Where the list is, on the class path. */
    public static final String RESOURCE = "META-INF/novabilling/db-migration.index";
    /** The directory it lists, relative to the class path's root: Flyway's default location. */
    public static final String DIRECTORY = "db/migration";

    private MigrationIndex() {
    }

    /** {@code args[0]}: the class-path root to index ({@code target/classes}); writes {@link #RESOURCE} there. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MigrationIndex CLASSES_DIRECTORY");
        }
        write(Path.of(args[0]));
    }

    /** Writes the index of {@code root}'s {@link #DIRECTORY} into {@code root}; returns the paths it lists. */
    static List<String> write(Path root) throws IOException {
        List<String> paths = list(root);
        Path index = root.resolve(RESOURCE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, paths.stream().map(p -> p + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        return paths;
    }

    /** The files under {@code root}'s {@link #DIRECTORY}, as class-path-relative paths with '/', sorted. */
    static List<String> list(Path root) throws IOException {
        Path directory = root.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
