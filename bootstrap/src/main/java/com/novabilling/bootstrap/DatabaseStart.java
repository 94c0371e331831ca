package com.novabilling.bootstrap;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.FlywayMigrator;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The start's work on the database, on a thread of its own ({@code novabilling-start}) while the main thread builds
 * the rest of the app (beans, metrics, the HTTP server with its router): the Flyway migrations (left out when the
 * database's history already holds exactly this build's migrations, {@link FlywayShortcut}), then the operator's
 * key ({@link AccessBootstrap#ensureOperatorKey()}). It begins as soon as the pool exists (its first connection has
 * proved the database answers). The HTTP port is bound only once it has finished: {@link AccessBootstrap} waits
 * for it ({@link #await()}) when the server has been built, and a failure fails the start with the migration's or
 * the key's own error, as when both ran on the main thread. Once done, the same thread makes the beans the first
 * request needs ({@link FirstRequestWarmUp}).
 *
 * <p>It takes the place of micronaut-flyway's {@link DataSourceMigrationRunner}, which migrates on the thread that
 * creates the pool, and keeps its rules: the datasource's {@code flyway.datasources.<name>} configuration, run only
 * when enabled, through micronaut-flyway's {@link FlywayMigrator} (the same customizers, the same
 * {@code MigrationFinishedEvent}, also published when Flyway is left out), on the unwrapped pool.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
@Requires(property = Persistence.PROPERTY, value = "postgres", defaultValue = "postgres")
final class DatabaseStart implements BeanCreatedEventListener<DataSource> {

    static final String THREAD = "novabilling-start";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStart.class);

    private final BeanContext context;
    private final FlywayMigrator migrator;
    private final DataSourceResolver resolver;
    private final BeanProvider<AccessBootstrap> access;
    private final ApplicationEventPublisher<MigrationFinishedEvent> migrated;
    /** Null until the default datasource's migrations start here. */
    private volatile CompletableFuture<Void> work;

    DatabaseStart(BeanContext context, FlywayMigrator migrator, DataSourceResolver resolver,
                  BeanProvider<AccessBootstrap> access, ApplicationEventPublisher<MigrationFinishedEvent> migrated) {
        this.context = context;
        this.migrator = migrator;
        this.resolver = resolver;
        this.access = access;
        this.migrated = migrated;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        Optional<FlywayConfigurationProperties> flyway = Optional.of(event.getBeanDefinition())
                .filter(NameResolver.class::isInstance).map(NameResolver.class::cast).flatMap(NameResolver::resolveName)
                .flatMap(name -> context.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name)))
                .filter(FlywayConfigurationProperties::isEnabled);
        if (flyway.isPresent() && "default".equals(flyway.get().getNameQualifier())) {
            DataSource target = resolver.resolve(dataSource);
            CompletableFuture<Void> started = new CompletableFuture<>();
            work = started;
            Thread thread = new Thread(() -> {
                try {
                    migrate(flyway.get(), target);
                    access.get().ensureOperatorKey();
                } catch (Throwable failure) {
                    started.completeExceptionally(failure);
                    return;
                }
                started.complete(null);
                FirstRequestWarmUp.run(context);
            }, THREAD);
            thread.setDaemon(true);
            thread.start();
        } else {
            flyway.ifPresent(other -> migrator.run(other, resolver.resolve(dataSource)));
        }
        return dataSource;
    }

    /**
     * Flyway's migrations of the default datasource, unless its history already holds exactly this build's
     * migrations ({@link FlywayShortcut}): then only the event micronaut-flyway publishes after a run.
     */
    private void migrate(FlywayConfigurationProperties flyway, DataSource target) {
        Optional<Integer> applied = FlywayShortcut.upToDate(flyway, context, target);
        if (applied.isPresent()) {
            LOG.info("Schema up to date: the {} migrations of this build are applied (Flyway runs when one is not)",
                    applied.get());
            migrated.publishEvent(new MigrationFinishedEvent(flyway));
        } else {
            migrator.run(flyway, target);
        }
    }

    /**
     * Waits for the migrations and the operator's key and rethrows their failure as it was thrown; false, at once,
     * when they do not run here (Flyway is off for the default datasource), so the caller ensures the key itself.
     */
    boolean await() {
        CompletableFuture<Void> started = work;
        if (started == null) {
            return false;
        }
        try {
            started.join();
            return true;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
