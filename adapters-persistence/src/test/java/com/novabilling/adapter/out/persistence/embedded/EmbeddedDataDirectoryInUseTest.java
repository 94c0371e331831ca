package com.novabilling.adapter.out.persistence.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second start on a data directory another process's server is using (a second {@code ./run.sh} on the same
 * data) is refused before it touches anything: the running server is not stopped as if it had been left by a
 * killed process, and keeps answering. Once that process has stopped, the same directory starts as usual.
 */
class EmbeddedDataDirectoryInUseTest {

    @Test
    void aDataDirectoryAnotherProcessRunsIsRefusedAndItsServerKeepsRunning(@TempDir Path temp) throws Exception {
        Path dataDir = temp.resolve("pgdata");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldDataDirectory.class.getName(), dataDir.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("ready "));
            assertThat(line).as("the other process's server started").isNotNull();
            int port = Integer.parseInt(line.substring("ready ".length()).trim());
            assertThat(dataDir.resolve("postmaster.pid")).exists();

            assertThatThrownBy(() -> EmbeddedPostgresServer.startPersistent(dataDir))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDir.toString()).hasMessageContaining("in use by another process")
                    .hasMessageContaining("nothing was started or stopped");

            // the other process's server was not stopped: it still answers, with its own credentials
            EmbeddedCredentials credentials = EmbeddedCredentials.read(dataDir).orElseThrow();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    EmbeddedPostgresServer.SUPERUSER, credentials.superuserPassword());
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            assertThat(dataDir.resolve("postmaster.pid")).exists();
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(60, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
        assertThat(other.exitValue()).isZero();
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("the other process stopped its server").isFalse();

        // free again: the same directory starts here
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDir);
             Connection c = server.superuserConnection("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 2")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(2);
        }
    }
}
