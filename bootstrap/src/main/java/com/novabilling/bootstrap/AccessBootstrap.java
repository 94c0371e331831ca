package com.novabilling.bootstrap;

import com.novabilling.application.port.in.access.BootstrapAccessUseCase;
import com.novabilling.domain.access.ApiKeySecret;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Access at start-up. {@code NOVABILLING_BOOTSTRAP_API_KEY} makes sure the tenant {@code default} holds
 * that key with every scope, before the server takes requests (the operator knows that key, so a start
 * that fails later loses nothing). Without it, on the embedded database, a first tenant and key are
 * created when there is no tenant at all, and the key is printed once on the console (standard output, or
 * standard error when the logs are JSON lines; never through the logger). That happens only once the HTTP
 * port is bound: a start that cannot bind creates nothing, so the next start can still show a first key.
 */
@Singleton
final class AccessBootstrap implements BeanCreatedEventListener<EmbeddedServer> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

    private final BootstrapAccessUseCase bootstrap;
    private final String bootstrapKey;
    private final boolean embeddedDatabase;
    private final Optional<DatabaseStart> databaseStart;
    private final PrintStream console = NovaBillingLauncher.jsonLogs(System.getenv()) ? System.err : System.out;

    AccessBootstrap(BootstrapAccessUseCase bootstrap,
                    @Value("${novabilling.bootstrap-api-key:}") String bootstrapKey,
                    @Value("${novabilling.embedded-database:false}") boolean embeddedDatabase,
                    Optional<DatabaseStart> databaseStart) {
        this.bootstrap = bootstrap;
        this.databaseStart = databaseStart;
        this.bootstrapKey = bootstrapKey;
        this.embeddedDatabase = embeddedDatabase;
    }

    /**
     * Once the HTTP server is built and before its port is bound: waits for {@link DatabaseStart} (migrations, then
     * this key, on the start's own thread while the main thread built the server), or ensures the key here when
     * nothing runs there (the in-memory adapter, or Flyway turned off).
     */
    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        if (!databaseStart.map(DatabaseStart::await).orElse(false)) {
            ensureOperatorKey();
        }
        return event.getBean();
    }

    /** Makes sure tenant {@code default} holds {@code NOVABILLING_BOOTSTRAP_API_KEY}, when it is set. */
    void ensureOperatorKey() {
        if (!bootstrapKey.isBlank()) {
            ApiKeySecret secret = ApiKeySecret.parse(bootstrapKey.strip()).orElseThrow(() -> new IllegalStateException(
                    "NOVABILLING_BOOTSTRAP_API_KEY must be sk_live_ or sk_test_ followed by 32 to 128 letters and digits"));
            bootstrap.ensureOperatorKey(secret);
            LOG.info("Bootstrap API key {} ensured for tenant 'default'", secret);
        }
    }

    @EventListener
    void provisionFirstKey(ServerStartupEvent event) {
        if (bootstrapKey.isBlank() && embeddedDatabase) {
            String customers = customersUrl(event.getSource());
            bootstrap.provisionFirstTenantIfNone().ifPresent(first -> console.printf("""

                    ================================================================================
                     NovaBilling created tenant '%s' and its first API key (shown only this once):

                       %s

                     Use it as:  curl -H "Authorization: Bearer %s" %s
                    ================================================================================

                    """, first.tenant().id().value(), first.apiKey().secret().value(), first.apiKey().secret().value(),
                    customers));
        }
    }

    /** Where this server answers, as bound (the real port, not the default). */
    static String customersUrl(EmbeddedServer server) {
        return server.getScheme() + "://" + server.getHost() + ":" + server.getPort() + "/api/customers";
    }
}
