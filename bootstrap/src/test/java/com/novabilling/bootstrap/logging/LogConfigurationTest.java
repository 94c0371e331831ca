package com.novabilling.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LogConfiguration} (Logback configured in code) against the XML files it replaces: for text lines
 * ({@code logback.xml}) and JSON lines ({@code logback-json.xml}), the same appender, the same bytes for the same
 * events (thousands of random ones: levels, loggers, threads, times, messages, arguments, MDC, nested exceptions
 * deeper than the JSON's 30 frames) and the same level for every logger; and when it steps aside.
 */
class LogConfigurationTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesEveryEventAsTheXmlConfigurationDid(boolean json) throws JoranException {
        LoggerContext fromXml = fromXml(json ? "/logback-json.xml" : "/logback.xml");
        LoggerContext inCode = new LoggerContext();
        LogConfiguration.configure(inCode, json);

        ConsoleAppender<ILoggingEvent> xmlAppender = onlyAppender(fromXml);
        ConsoleAppender<ILoggingEvent> codeAppender = onlyAppender(inCode);
        assertThat(codeAppender.getName()).isEqualTo(xmlAppender.getName()).isEqualTo("STDOUT");
        assertThat(codeAppender.getTarget()).isEqualTo(xmlAppender.getTarget()).isEqualTo("System.out");
        assertThat(codeAppender.getEncoder().getClass()).isEqualTo(xmlAppender.getEncoder().getClass());
        assertThat(codeAppender.isStarted()).isTrue();

        Random random = new Random(json ? 15 : 51);
        for (int i = 0; i < 3000; i++) {
            long seed = random.nextLong();
            byte[] xml = xmlAppender.getEncoder().encode(randomEvent(fromXml, new Random(seed)));
            byte[] code = codeAppender.getEncoder().encode(randomEvent(inCode, new Random(seed)));
            assertThat(new String(code, StandardCharsets.UTF_8)).as("event %d", i)
                    .isEqualTo(new String(xml, StandardCharsets.UTF_8));
        }
        // and a fixed one, to see the format itself
        LoggingEvent event = new LoggingEvent(Logger.class.getName(),
                inCode.getLogger("com.novabilling.bootstrap.AccessBootstrap"), Level.INFO, "Bootstrap API key {} ensured", null,
                new Object[] {"sk_live_abc…"});
        event.setTimeStamp(1_796_300_000_123L);
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of());
        String line = new String(codeAppender.getEncoder().encode(event), StandardCharsets.UTF_8);
        if (json) {
            assertThat(line).startsWith("{\"@timestamp\":\"2026-12-03T")
                    .contains("\"message\":\"Bootstrap API key sk_live_abc… ensured\"", "\"level\":\"INFO\"").endsWith("}\n");
        } else {
            assertThat(line).isEqualTo("2026-12-03T12:13:20.123Z INFO  [main] c.n.bootstrap.AccessBootstrap - "
                    + "Bootstrap API key sk_live_abc… ensured\n");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void setsTheSameLevelsAsTheXmlConfiguration(boolean json) throws JoranException {
        LoggerContext fromXml = fromXml(json ? "/logback-json.xml" : "/logback.xml");
        LoggerContext inCode = new LoggerContext();
        LogConfiguration.configure(inCode, json);
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "io.zonky", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                "com.zaxxer.hikari", "com.zaxxer.hikari.pool.HikariPool", "com.novabilling.bootstrap.Application",
                "io.micronaut.runtime.Micronaut", "org.flywaydb.core.FlywayExecutor", "io.zonkyx")) {
            Logger xml = fromXml.getLogger(name);
            Logger code = inCode.getLogger(name);
            assertThat(code.getLevel()).as(name).isEqualTo(xml.getLevel());
            assertThat(code.getEffectiveLevel()).as(name).isEqualTo(xml.getEffectiveLevel());
            assertThat(code.isAdditive()).as(name).isEqualTo(xml.isAdditive());
        }
        assertThat(inCode.getLogger("io.zonky.x").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(inCode.getLogger("com.novabilling").getEffectiveLevel()).isEqualTo(Level.INFO);
        // only the root has an appender, in both
        for (LoggerContext context : List.of(fromXml, inCode)) {
            for (Logger logger : context.getLoggerList()) {
                assertThat(logger.iteratorForAppenders().hasNext()).as(logger.getName())
                        .isEqualTo(Logger.ROOT_LOGGER_NAME.equals(logger.getName()));
            }
        }
    }

    @Test
    void choosesJsonOnlyForJsonAndStepsAsideForAConfigurationFileOrATestConfiguration() {
        Map<String, String> noProperties = Map.of();
        assertThat(configureWith(Map.of(), noProperties, false)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(encoderOf(Map.of())).isEqualTo("PatternLayoutEncoder");
        assertThat(encoderOf(Map.of("NOVABILLING_LOG_FORMAT", "text"))).isEqualTo("PatternLayoutEncoder");
        assertThat(encoderOf(Map.of("NOVABILLING_LOG_FORMAT", "json"))).isEqualTo("LogstashEncoder");

        // -Dlogback.configurationFile=...: Logback's own configurators read that file
        assertThat(configureWith(Map.of("NOVABILLING_LOG_FORMAT", "json"), Map.of("logback.configurationFile", "my.xml"), false))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        // a logback-test.xml on the class path (tests): Logback reads it
        assertThat(configureWith(Map.of(), noProperties, true)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        // as on this test class path, which has one
        LoggerContext context = new LoggerContext();
        assertThat(new LogConfiguration().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private static ExecutionStatus configureWith(Map<String, String> env, Map<String, String> properties, boolean testXml) {
        LoggerContext context = new LoggerContext();
        ExecutionStatus status = new LogConfiguration(env, properties::get, r -> testXml && r.equals("logback-test.xml"))
                .configure(context);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
                .isEqualTo(status == ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return status;
    }

    private static String encoderOf(Map<String, String> env) {
        LoggerContext context = new LoggerContext();
        new LogConfiguration(env, p -> null, r -> false).configure(context);
        return onlyAppender(context).getEncoder().getClass().getSimpleName();
    }

    private static LoggerContext fromXml(String resource) throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogConfigurationTest.class.getResource(resource));
        return context;
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> onlyAppender(LoggerContext context) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        it.forEachRemaining(appenders::add);
        assertThat(appenders).hasSize(1);
        assertThat(appenders.get(0)).isInstanceOf(ConsoleAppender.class);
        return (ConsoleAppender<ILoggingEvent>) appenders.get(0);
    }

    private static final Level[] LEVELS = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};

    /** The same event for the same {@code random}, on a logger of {@code context}. */
    private static ILoggingEvent randomEvent(LoggerContext context, Random random) {
        Logger logger = context.getLogger(randomLoggerName(random));
        Object[] args = new Object[random.nextInt(3)];
        StringBuilder message = new StringBuilder(text(random, 60));
        for (int a = 0; a < args.length; a++) {
            message.append(" {}");
            args[a] = random.nextBoolean() ? text(random, 20) : random.nextInt();
        }
        Throwable thrown = random.nextInt(4) == 0 ? randomThrowable(random, 2) : null;
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, LEVELS[random.nextInt(LEVELS.length)],
                message.toString(), thrown, args);
        event.setTimeStamp(1_600_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL));
        event.setThreadName(random.nextBoolean() ? "main" : "default-nioEventLoopGroup-1-" + random.nextInt(8));
        Map<String, String> mdc = new HashMap<>();
        for (int m = random.nextInt(3); m > 0; m--) {
            mdc.put("k" + random.nextInt(5), text(random, 10));
        }
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private static String randomLoggerName(Random random) {
        String[] parts = {"com", "novabilling", "bootstrap", "observability", "AccessLogFilter", "io", "micronaut",
                "http", "server", "netty", "org", "flywaydb", "core", "internal", "command", "DbMigrate", "zonky", "x"};
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(7); i >= 0; i--) {
            name.append(name.length() == 0 ? "" : ".").append(parts[random.nextInt(parts.length)]);
        }
        return name.toString();
    }

    private static String text(Random random, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            int kind = random.nextInt(10);
            s.appendCodePoint(kind == 0 ? "\"\\\n\t{}%é€😀".codePointAt(random.nextInt(9)) : 'a' + random.nextInt(26));
        }
        return s.toString();
    }

    private static Throwable randomThrowable(Random random, int causes) {
        Throwable cause = causes > 0 && random.nextBoolean() ? randomThrowable(random, causes - 1) : null;
        RuntimeException e = new IllegalStateException(text(random, 30), cause);
        // deeper than the JSON's 30 frames per throwable
        StackTraceElement[] frames = new StackTraceElement[5 + random.nextInt(60)];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = new StackTraceElement("com.novabilling.C" + random.nextInt(9), "m" + random.nextInt(9),
                    "C.java", 1 + random.nextInt(500));
        }
        e.setStackTrace(frames);
        if (random.nextInt(4) == 0) {
            IllegalArgumentException suppressed = new IllegalArgumentException(text(random, 10));
            suppressed.setStackTrace(new StackTraceElement[] {frames[random.nextInt(frames.length)]});
            e.addSuppressed(suppressed);
        }
        return e;
    }
}
