package com.novabilling.adapter.out.persistence.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.postgresql.PGConnection;
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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server process from the zonky binaries on Maven Central: the default database of
 * {@code java -jar novabilling.jar} and of every test JVM.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI here runs as root.
 * So the binaries are unpacked by this class (into the directory zonky itself would use) and
 * {@code initdb} and {@code pg_ctl} are replaced by two-line wrappers: under uid 0 they run the real
 * program in a fresh user namespace ({@code unshare --user}), where it has uid 65534 yet still owns its
 * files. Under any other uid the wrappers just exec the real program. The archive for this machine
 * (Linux, macOS, Windows) is chosen by {@link EmbeddedPostgresPlatform}; the wrappers are Linux only.
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

    static final String SUPERUSER = "postgres";
    static final String SERVICE_ROLE = "novabilling";
    /** The file zonky's {@code EmbeddedPostgres} locks in a data directory for as long as its server runs. */
    static final String DATA_DIRECTORY_LOCK = "epg-lock";

    /**
     * The data directory belongs to a server another process runs (its lock, {@link #DATA_DIRECTORY_LOCK}, is held):
     * typically a NovaBilling already running on it. Nothing was started or stopped.
     */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path dataDirectory, Throwable cause) {
            super("The embedded PostgreSQL's data directory " + dataDirectory + " is in use by another process (it"
                    + " holds " + dataDirectory.resolve(DATA_DIRECTORY_LOCK) + "); nothing was started or stopped", cause);
        }
    }

    /** Password (SCRAM) over loopback TCP only; nothing else, and no {@code trust} line anywhere. */
    static final String PG_HBA = """
            # written by NovaBilling at every start: loopback TCP with a password (SCRAM), nothing else
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /** Gives the service role every table, view and free-standing sequence of {@code public}. */
    private static final String HAND_OVER_OBJECTS = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.oid::regclass AS name,
                              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                             WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
                         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                          AND pg_get_userbyid(c.relowner) <> '%1$s'
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                             AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
              LOOP
                EXECUTE format('ALTER %%s %%s OWNER TO %1$s', r.kind, r.name);
              END LOOP;
            END $$""".formatted(SERVICE_ROLE);

    private final EmbeddedPostgres postgres;
    private final EmbeddedCredentials credentials;
    private final Path pgCtl;
    private final Path dataDirectory;
    private volatile String postmasterOptions;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, EmbeddedCredentials credentials, Path pgCtl,
                                   Path dataDirectory) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.pgCtl = pgCtl;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory} and survives restarts (the run default). It has no
     * shutdown hook of its own: the owner {@link #close()}s it, after the application that uses it has stopped
     * (a JVM runs its shutdown hooks concurrently, so a hook here would stop the database under requests still
     * being answered).
     */
    public static EmbeddedPostgresServer startPersistent(Path dataDirectory) {
        return start(dataDirectory, false, Map.of());
    }

    /**
     * Starts a throw-away server in a temporary directory, tuned for tests (no fsync).
     */
    public static EmbeddedPostgresServer startEphemeral() {
        return startEphemeral(false);
    }

    /**
     * Starts a throw-away server in a temporary directory, tuned for tests (no fsync); with {@code durableCommits}
     * a commit is acknowledged only once its WAL is written, so it survives {@link #stopImmediately()} (failure
     * tests), otherwise commits are asynchronous (faster, lost on an immediate stop).
     */
    public static EmbeddedPostgresServer startEphemeral(boolean durableCommits) {
        try {
            Path dir = Files.createTempDirectory("novabilling-pg-");
            return start(dir, true, Map.of("fsync", "off", "synchronous_commit", durableCommits ? "on" : "off",
                    "full_page_writes", "off"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean throwAway, Map<String, String> settings) {
        try {
            EmbeddedPostgresPlatform platform = EmbeddedPostgresPlatform.current();
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "novabilling-embedded-pg");
            byte[] archive = readArchive(platform);
            prepareBinaries(workDir, archive, platform);
            Files.createDirectories(dataDirectory);
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                // a server left by a killed process is stopped below; one whose process still runs is not touched
                ensureNotInUse(dataDirectory);
            }
            stopOrphanedServer(workDir, archive, dataDirectory, platform);

            Optional<EmbeddedCredentials> stored = EmbeddedCredentials.read(dataDirectory);
            EmbeddedCredentials credentials = stored.orElseGet(() -> EmbeddedCredentials.generate(new SecureRandom()));
            Path postgresBinary = binariesDir(workDir, archive).resolve("bin").resolve(platform.executable("postgres"));
            EmbeddedPostgres.Builder builder = builder(workDir, archive, dataDirectory, throwAway)
                    // zonky's own readiness check and admin connections log in as the superuser, by password
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setDataDirectoryCustomizer(dir -> lockDown(dir.toPath(), postgresBinary, platform, credentials,
                            stored.isEmpty()))
                    .setRegisterShutdownHook(throwAway);
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = startLocked(builder, dataDirectory);
            LOG.info("Embedded PostgreSQL listening on localhost:{} (password authentication), data in {}",
                    postgres.getPort(), dataDirectory);
            Path pgCtl = binariesDir(workDir, archive).resolve("bin").resolve(platform.executable("pg_ctl"));
            return new EmbeddedPostgresServer(postgres, credentials, pgCtl, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Throws {@link DataDirectoryInUseException} when another process holds the data directory's lock, as a running
     * server's owner does; otherwise returns at once, holding nothing (zonky takes the lock itself when it starts).
     * The probe is made only where a server may still run ({@code postmaster.pid} present). Should this JVM itself
     * run a server on the directory, the probe's close drops that lock too ({@link FileLock}'s caveat: closing a
     * channel releases the JVM's locks on the file); the start is refused all the same.
     */
    private static void ensureNotInUse(Path dataDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(DATA_DIRECTORY_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(dataDirectory, null);
            }
            lock.release();
        } catch (java.nio.channels.OverlappingFileLockException inThisJvm) {
            throw new DataDirectoryInUseException(dataDirectory, inThisJvm);
        }
    }

    /** Zonky's start; its refusal to lock the data directory (another process took it meanwhile) as ours. */
    private static EmbeddedPostgres startLocked(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                throw new DataDirectoryInUseException(dataDirectory, e);
            }
            throw e;
        }
    }

    /**
     * The server as configured before any lock-down, and what the lock-down builds on: loopback only, no Unix
     * socket, the run's locale. Zonky's {@code initdb} still trusts local connections (its {@code -A trust}),
     * which {@link #lockDown} replaces before the server first accepts any connection.
     */
    static EmbeddedPostgres.Builder builder(Path workDir, byte[] archive, Path dataDirectory, boolean throwAway) {
        return EmbeddedPostgres.builder()
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
                .setServerConfig("listen_addresses", "localhost")
                // no Unix socket at all: every connection is TCP on loopback, and pg_hba.conf asks a password
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256");
    }

    /** For tests that need a data directory as earlier versions left it (trust authentication). */
    static EmbeddedPostgres.Builder unlockedBuilder(Path dataDirectory) throws IOException {
        EmbeddedPostgresPlatform platform = EmbeddedPostgresPlatform.current();
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "novabilling-embedded-pg");
        byte[] archive = readArchive(platform);
        prepareBinaries(workDir, archive, platform);
        return builder(workDir, archive, dataDirectory, false);
    }

    /**
     * Runs before the postmaster starts, on a fresh or an existing data directory: replaces
     * {@code pg_hba.conf} by password-only loopback rules and, the first time (no credentials file yet, a
     * fresh directory or one from a version that trusted local connections), gives the superuser its new
     * password in single-user mode (no network involved) before writing the credentials file.
     */
    private static void lockDown(Path dataDirectory, Path postgresBinary, EmbeddedPostgresPlatform platform,
                                 EmbeddedCredentials credentials,
                                 boolean firstLockDown) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
            if (firstLockDown) {
                runSingleUser(postgresBinary, platform, dataDirectory,
                        "ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'",
                        credentials.superuserPassword());
                credentials.write(dataDirectory);
                LOG.info("Embedded PostgreSQL locked: passwords created in {}", EmbeddedCredentials.file(dataDirectory));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock down the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void runSingleUser(Path postgresBinary, EmbeddedPostgresPlatform platform, Path dataDirectory,
                                      String statement, String secret) throws IOException {
        List<String> postgres = List.of(postgresBinary.toString(), "--single", "-D", dataDirectory.toString(),
                "-c", "listen_addresses=", "-c", "unix_socket_directories=", SUPERUSER);
        List<String> command = new ArrayList<>();
        if (platform.wrapsProgramsForRoot()) {
            // PostgreSQL refuses uid 0: like the initdb/pg_ctl wrappers, root runs it in a user namespace
            command.addAll(List.of("sh", "-c",
                    "if [ \"$(id -u)\" = \"0\" ]; then exec unshare --user \"$@\"; fi; exec \"$@\"", "sh"));
        }
        command.addAll(postgres);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((statement + ";\n").getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
                process.destroyForcibly();
                throw new IOException("single-user PostgreSQL failed: " + output.replace(secret, "***").strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while locking the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} on this server (loopback TCP; log in as {@link #username()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The service's login role: not a superuser, owner of the databases made by {@link #createDatabaseIfMissing}. */
    public String username() {
        return SERVICE_ROLE;
    }

    public String password() {
        return credentials.servicePassword();
    }

    /** A superuser connection (with the stored password), for operators' tasks and tests. */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase(SUPERUSER, database).getConnection();
    }

    /**
     * Creates {@code database} unless it exists, owned by the service role, and makes sure that role exists
     * with the stored password and owns every table, view and sequence of the database's {@code public}
     * schema (data directories of earlier versions hold tables created by the superuser). The name must be a
     * plain lower-case identifier.
     */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            var role = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + SERVICE_ROLE + "'");
            if (!role.next()) {
                s.execute("CREATE ROLE " + SERVICE_ROLE
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            }
            // the SCRAM verifier is computed here; the password itself never reaches the server
            c.unwrap(PGConnection.class).alterUserPassword(SERVICE_ROLE, credentials.servicePassword().toCharArray(),
                    "scram-sha-256");
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + SERVICE_ROLE);
            } else {
                s.execute("ALTER DATABASE " + database + " OWNER TO " + SERVICE_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        try (Connection c = superuserConnection(database); Statement s = c.createStatement()) {
            s.execute(HAND_OVER_OBJECTS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand database " + database + " to " + SERVICE_ROLE, e);
        }
    }

    /**
     * Stops the server at once, as a crash or a failover would ({@code pg_ctl stop -m immediate}: no checkpoint,
     * every connection cut). For failure tests; {@link #startAgain()} brings it back on the same port.
     */
    public void stopImmediately() {
        try {
            postmasterOptions = Files.readString(dataDirectory.resolve("postmaster.opts")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pgCtl("stop", "-m", "immediate", "-w");
    }

    /** Starts the server stopped by {@link #stopImmediately()} again, with the same options (port, settings). */
    public void startAgain() {
        String options = postmasterOptions;
        if (options == null) {
            throw new IllegalStateException("not stopped by stopImmediately()");
        }
        // postmaster.opts: the postgres binary, then each argument in double quotes
        String arguments = options.startsWith("\"") ? options.substring(options.indexOf('"', 1) + 1) : options.substring(options.indexOf(' ') + 1);
        pgCtl("start", "-w", "-t", "60", "-l", dataDirectory.resolve("restart.log").toString(), "-o", arguments.trim());
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(pgCtl.toString(), "-D", dataDirectory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    private static byte[] readArchive(EmbeddedPostgresPlatform platform) throws IOException {
        for (String resource : platform.archiveResources()) {
            try (InputStream in = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("No PostgreSQL binaries for " + platform.os() + " " + platform.arch()
                + " on the class path (" + platform.artifact() + "); set DATASOURCES_DEFAULT_URL to use another database");
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

    private static void prepareBinaries(Path workDir, byte[] archive, EmbeddedPostgresPlatform platform)
            throws IOException {
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
            for (String program : platform.wrapsProgramsForRoot() ? WRAPPED : List.<String>of()) {
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
    private static void stopOrphanedServer(Path workDir, byte[] archive, Path dataDirectory,
                                           EmbeddedPostgresPlatform platform) {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        Path pgCtl = binariesDir(workDir, archive).resolve("bin").resolve(platform.executable("pg_ctl"));
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
