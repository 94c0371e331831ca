package com.novabilling.adapter.out.persistence.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The embedded server's two passwords (superuser {@code postgres}, service role {@code novabilling}), made
 * at random on the first start and kept in {@value #FILE_NAME} in the data directory, readable by its
 * owner only (mode 0600), like the rest of a PostgreSQL data directory.
 */
record EmbeddedCredentials(String superuserPassword, String servicePassword) {

    static final String FILE_NAME = "novabilling-credentials.properties";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;

    @Override
    public String toString() {
        return "EmbeddedCredentials[***]";
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    static EmbeddedCredentials generate(RandomGenerator random) {
        return new EmbeddedCredentials(password(random), password(random));
    }

    /** 32 letters and digits (190 bits): safe to place in SQL and configuration without quoting. */
    private static String password(RandomGenerator random) {
        StringBuilder out = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    static Optional<EmbeddedCredentials> read(Path dataDirectory) {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            Properties properties = new Properties();
            properties.load(reader);
            String superuser = properties.getProperty("superuser.password", "");
            String service = properties.getProperty("service.password", "");
            if (!superuser.matches("[A-Za-z0-9]{32}") || !service.matches("[A-Za-z0-9]{32}")) {
                throw new IllegalStateException(file + " is damaged: it must hold superuser.password and "
                        + "service.password (32 letters and digits each)");
            }
            return Optional.of(new EmbeddedCredentials(superuser, service));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Written to a 0600 temporary file first, then moved into place: never readable by others, never half. */
    void write(Path dataDirectory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("superuser", EmbeddedPostgresServer.SUPERUSER);
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("service", EmbeddedPostgresServer.SERVICE_ROLE);
        properties.setProperty("service.password", servicePassword);
        StringWriter text = new StringWriter();
        properties.store(text, "NovaBilling embedded PostgreSQL passwords (loopback only); keep this file private");
        // Windows has no POSIX permissions: there the file inherits the data directory's (the user's) ACL
        Path temporary = dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dataDirectory, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dataDirectory, ".credentials", ".tmp");
        Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
        Files.move(temporary, file(dataDirectory), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
