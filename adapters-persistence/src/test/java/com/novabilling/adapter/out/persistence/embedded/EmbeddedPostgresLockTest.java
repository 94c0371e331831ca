package com.novabilling.adapter.out.persistence.embedded;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is locked: no connection without a password (superuser or not), no Unix socket,
 * the service role is no superuser, the passwords sit in an owner-only file; and a data directory left by a
 * version that trusted local connections is locked in place on its next start, its rows kept.
 */
class EmbeddedPostgresLockTest {

    @Test
    void aPasswordlessSuperuserConnectionIsRefused() {
        EmbeddedPostgresServer server = TestPostgres.server();
        for (String host : List.of("localhost", "127.0.0.1")) {
            String url = "jdbc:postgresql://" + host + ":" + server.port() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong-password").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed for user \"postgres\"");
        }
    }

    @Test
    void theServiceRoleLogsInByPasswordAndIsNoSuperuser() throws SQLException {
        EmbeddedPostgresServer server = TestPostgres.server();
        server.createDatabaseIfMissing("lock_test_service");
        String url = server.jdbcUrl("lock_test_service");
        assertThatThrownBy(() -> DriverManager.getConnection(url, server.username(), "").close())
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, server.username(), server.password());
             Statement s = c.createStatement()) {
            ResultSet role = s.executeQuery("SELECT current_user, rolsuper, rolcreaterole, rolcreatedb,"
                    + " pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d"
                    + " WHERE r.rolname = current_user AND d.datname = current_database()");
            assertThat(role.next()).isTrue();
            assertThat(role.getString(1)).isEqualTo("novabilling");
            assertThat(role.getBoolean(2)).as("superuser").isFalse();
            assertThat(role.getBoolean(3)).as("createrole").isFalse();
            assertThat(role.getBoolean(4)).as("createdb").isFalse();
            assertThat(role.getString(5)).as("database owner").isEqualTo("novabilling");
            assertThatThrownBy(() -> s.execute("SELECT pg_read_file('pg_hba.conf')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection admin = server.superuserConnection("postgres"); Statement s = admin.createStatement()) {
            ResultSet settings = s.executeQuery("SELECT current_setting('listen_addresses'),"
                    + " current_setting('unix_socket_directories'), current_setting('password_encryption'),"
                    + " (SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"
                    + " OR type <> 'host')");
            assertThat(settings.next()).isTrue();
            assertThat(settings.getString(1)).isEqualTo("localhost");
            assertThat(settings.getString(2)).as("no Unix socket").isEmpty();
            assertThat(settings.getString(3)).isEqualTo("scram-sha-256");
            assertThat(settings.getInt(4)).as("pg_hba rules other than host + scram-sha-256").isZero();
        }
    }

    @Test
    void anUnlockedDataDirectoryIsLockedInPlaceKeepingItsRows(@TempDir Path temp) throws Exception {
        Path dataDir = temp.resolve("pgdata");
        // a data directory as earlier versions left it: trust authentication, tables owned by the superuser
        try (EmbeddedPostgres legacy = EmbeddedPostgresServer.unlockedBuilder(dataDir)
                .setServerConfig("unix_socket_directories", "''").start()) {
            Files.writeString(dataDir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n"
                    + "host all all ::1/128 trust\n");
            try (Connection c = legacy.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
                s.execute("CREATE DATABASE novabilling");
            }
            try (Connection c = legacy.getDatabase("postgres", "novabilling").getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tenants (id text PRIMARY KEY, name text NOT NULL)");
                s.execute("CREATE SEQUENCE invoice_numbers");
                s.execute("CREATE TABLE counters (id bigint GENERATED ALWAYS AS IDENTITY, n int)");
                s.execute("INSERT INTO tenants VALUES ('default', 'Default'), ('ten_2', 'Kampala Tech')");
            }
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + legacy.getPort() + "/novabilling", "postgres", "")) {
                assertThat(c.isValid(1)).as("the legacy layout trusts a passwordless superuser").isTrue();
            }
        }
        assertThat(Files.exists(EmbeddedCredentials.file(dataDir))).isFalse();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDir)) {
            server.createDatabaseIfMissing("novabilling");
            String url = server.jdbcUrl("novabilling");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThat(Files.getPosixFilePermissions(EmbeddedCredentials.file(dataDir)))
                    .isEqualTo(EmbeddedCredentials.OWNER_ONLY);
            Properties stored = new Properties();
            stored.load(Files.newBufferedReader(EmbeddedCredentials.file(dataDir)));
            assertThat(stored.getProperty("service.password")).isEqualTo(server.password());
            try (Connection c = DriverManager.getConnection(url, server.username(), server.password());
                 Statement s = c.createStatement()) {
                assertThat(names(s.executeQuery("SELECT name FROM tenants ORDER BY id")))
                        .containsExactly("Default", "Kampala Tech");
                // the service role owns what the superuser created: it can write and migrate it
                s.execute("INSERT INTO tenants VALUES ('ten_3', 'Lagos Ltd')");
                s.execute("ALTER TABLE tenants ADD COLUMN rate_limit int");
                s.execute("SELECT nextval('invoice_numbers')");
                s.execute("INSERT INTO counters (n) VALUES (1)");
                assertThat(names(s.executeQuery("SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                        + " WHERE relnamespace = 'public'::regnamespace"))).containsExactly("novabilling");
            }
        }

        // the next start reads the same passwords and keeps the rows
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.startPersistent(dataDir)) {
            again.createDatabaseIfMissing("novabilling");
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("novabilling"), again.username(),
                    again.password()); Statement s = c.createStatement()) {
                assertThat(names(s.executeQuery("SELECT name FROM tenants ORDER BY id")))
                        .containsExactly("Default", "Kampala Tech", "Lagos Ltd");
            }
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }

    private static List<String> names(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(1));
        }
        return out;
    }
}
