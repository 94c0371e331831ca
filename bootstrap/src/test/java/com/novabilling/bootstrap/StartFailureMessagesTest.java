package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A start that fails for a reason the operator can fix from the message alone (the port is taken, the database
 * cannot be reached or refuses the user) says so in one ERROR line and exits with 1, without a stack trace. Each
 * case runs the real launcher ({@link Application#main}) in a JVM of its own, since it ends with
 * {@code System.exit}.
 */
class StartFailureMessagesTest {

    private static final String KEY = "sk_live_startfailurestartfailurestartfailure1";

    @Test
    void aDatabaseThatIsNotThereIsOneLine() throws Exception {
        int closed = freePort();
        Started start = start(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/novabilling",
                "DATASOURCES_DEFAULT_USERNAME", "novabilling", "DATASOURCES_DEFAULT_PASSWORD", "s3cret-not-shown",
                "MICRONAUT_SERVER_PORT", "-1"));

        assertThat(start.exit()).as(start.output()).isEqualTo(1);
        assertThat(start.errorLines()).as(start.output()).singleElement().asString()
                .contains("Cannot start: no usable connection to the database (SQLSTATE 08001)")
                .contains("127.0.0.1:" + closed + " refused")
                .contains("DATASOURCES_DEFAULT_URL");
        assertNoStackTraceNorSecret(start, "s3cret-not-shown");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() throws Exception {
        Map<String, Object> database = TestPostgres.freshDatabase();
        String url = (String) database.get("datasources.default.url");
        String user = (String) database.get("datasources.default.username");
        Started start = start(Map.of("DATASOURCES_DEFAULT_URL", url, "DATASOURCES_DEFAULT_USERNAME", user,
                "DATASOURCES_DEFAULT_PASSWORD", "wrong-password-not-shown", "MICRONAUT_SERVER_PORT", "-1"));

        assertThat(start.exit()).as(start.output()).isEqualTo(1);
        assertThat(start.errorLines()).as(start.output()).singleElement().asString()
                .contains("(SQLSTATE 28P01)").contains("password authentication failed for user \"" + user + "\". Check");
        assertNoStackTraceNorSecret(start, "wrong-password-not-shown");
    }

    @Test
    void aTakenPortIsOneLineAfterMicronautsOwn() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            Started start = start(Map.of("NOVABILLING_PERSISTENCE", "memory",
                    "MICRONAUT_SERVER_PORT", String.valueOf(busy.getLocalPort())));

            assertThat(start.exit()).as(start.output()).isEqualTo(1);
            // Micronaut's own line (NettyHttpServer), then ours, and nothing else
            assertThat(start.errorLines()).as(start.output()).hasSize(2);
            assertThat(start.errorLines().get(0)).contains("NettyHttpServer").contains("already in use");
            assertThat(start.errorLines().get(1))
                    .contains("Port " + busy.getLocalPort() + " is already in use").contains("MICRONAUT_SERVER_PORT");
            assertNoStackTraceNorSecret(start, KEY);
            assertThat(start.output()).as("no shutdown grace after a failed start").doesNotContain("Shutting down");
        }
    }

    /**
     * A value the app refuses, whichever bean checks it, stops the start with the check's own message. Trusted
     * proxies, CORS origins, the idempotency TTL and the tenant-defaults TTL were checked only by the beans of the
     * first request: the app started, then answered every request (or every customer request) with a 500.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "NOVABILLING_CORS_ALLOWED_ORIGINS | *             | is not an exact origin",
            "NOVABILLING_TRUSTED_PROXIES      | not-an-ip     | is not an IP address or CIDR range",
            "NOVABILLING_BOOTSTRAP_API_KEY    | sk_live_short | must be sk_live_ or sk_test_",
            "NOVABILLING_EVENT_RETENTION      | 1h            | must be at least",
            "NOVABILLING_IDEMPOTENCY_TTL      | 0s            | must be positive",
            "NOVABILLING_TENANT_DEFAULTS_CACHE_TTL | -1s      | must not be negative",
            "NOVABILLING_WEBHOOKS_CONCURRENCY | 0             | at least 1"})
    void aRefusedValueIsOneLineWithItsVariable(String variable, String value, String why) throws Exception {
        Started start = start(Map.of("NOVABILLING_PERSISTENCE", "memory", "MICRONAUT_SERVER_PORT", "-1",
                variable, value));

        assertThat(start.exit()).as(start.output()).isEqualTo(2);
        assertThat(start.errorLines()).as(start.output()).singleElement().asString()
                .contains("Cannot start: NOVABILLING_").contains(variable).contains(why);
        assertNoStackTraceNorSecret(start, KEY);
        assertThat(start.output()).doesNotContain("Startup completed");
    }

    @Test
    void otherFailuresAreNotKnown() {
        assertThat(NovaBillingLauncher.knownFailure(new IllegalStateException("a bug"), 3000)).isEmpty();
        assertThat(NovaBillingLauncher.knownFailure(new RuntimeException(new SQLException("syntax", "42601")), 3000))
                .isEmpty();
        assertThat(NovaBillingLauncher.knownFailure(new RuntimeException(new SQLException("no state")), 3000)).isEmpty();
    }

    @Test
    void aMissingDatabaseIsKnownFromTheDriversOwnFailure() {
        Map<String, Object> database = TestPostgres.freshDatabase();
        String url = ((String) database.get("datasources.default.url")).replaceFirst("/test_\\d+", "/no_such_database");
        SQLException missing = catchThrowableOfType(() -> DriverManager.getConnection(url,
                (String) database.get("datasources.default.username"),
                (String) database.get("datasources.default.password")).close(), SQLException.class);

        assertThat(NovaBillingLauncher.knownFailure(new IllegalStateException("wrapped", missing), 3000)
                .map(NovaBillingLauncher.KnownFailure::message))
                .hasValueSatisfying(message -> assertThat(message).contains("(SQLSTATE 3D000)")
                        .contains("database \"no_such_database\" does not exist"));
    }

    private static void assertNoStackTraceNorSecret(Started start, String secret) {
        assertThat(start.output()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(secret);
    }

    private record Started(int exit, String output) {
        List<String> errorLines() {
            return output.lines().filter(line -> line.contains(" ERROR ")).toList();
        }
    }

    private static Started start(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Application.class.getName())).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("NOVABILLING_")
                || name.startsWith("MICRONAUT_"));
        builder.environment().put("NOVABILLING_LOG_FORMAT", "text");
        builder.environment().put("NOVABILLING_BOOTSTRAP_API_KEY", KEY);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("novabilling-start", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the start neither failed nor stopped: " + Files.readString(log));
            }
            return new Started(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.delete(log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
