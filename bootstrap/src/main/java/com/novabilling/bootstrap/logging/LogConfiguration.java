package com.novabilling.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * NovaBilling's Logback configuration in code (Logback's {@link Configurator} service, found through
 * {@code META-INF/services}): the same appender, encoders and levels as {@code logback.xml} (text lines, the default)
 * and {@code logback-json.xml} ({@code NOVABILLING_LOG_FORMAT=json}: one JSON object a line), without parsing XML
 * at every start. {@code LogConfigurationTest} checks that both give the same bytes for the same events as those
 * files. It steps aside (Logback then reads its files as usual) when {@code -Dlogback.configurationFile} names a
 * configuration, or when a {@code logback-test.xml} is on the class path (tests).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /** The environment variable that chooses the format: {@code text} (the default) or {@code json}. */
    public static final String LOG_FORMAT = "NOVABILLING_LOG_FORMAT";
    /** The text layout: UTC timestamps, level, thread, logger, message. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n";
    /** Stack frames kept per throwable in JSON lines. */
    static final int JSON_MAX_DEPTH_PER_THROWABLE = 30;
    static final String APPENDER = "STDOUT";
    /** Loggers quieter than the root's INFO: initdb / pg_ctl chatter, the pool. */
    static final Map<String, Level> LEVELS = Map.of("io.zonky", Level.WARN, "com.zaxxer.hikari", Level.WARN);

    private final Map<String, String> env;
    private final UnaryOperator<String> systemProperties;
    private final Predicate<String> onClassPath;

    /** As Logback instantiates it: the process's environment, system properties and class path. */
    public LogConfiguration() {
        this(System.getenv(), System::getProperty,
                resource -> LogConfiguration.class.getClassLoader().getResource(resource) != null);
    }

    LogConfiguration(Map<String, String> env, UnaryOperator<String> systemProperties, Predicate<String> onClassPath) {
        this.env = env;
        this.systemProperties = systemProperties;
        this.onClassPath = onClassPath;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (systemProperties.apply(ContextInitializer.CONFIG_FILE_PROPERTY) != null
                || onClassPath.test(ContextInitializer.TEST_AUTOCONFIG_FILE)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, "json".equals(env.get(LOG_FORMAT)));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} as logback.xml ({@code json} false) or logback-json.xml ({@code json} true) would. */
    static void configure(LoggerContext context, boolean json) {
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder(context) : textEncoder(context);
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(encoder);
        appender.start();
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        ShortenedThrowableConverter stackTraces = new ShortenedThrowableConverter();
        stackTraces.setContext(context);
        stackTraces.setMaxDepthPerThrowable(JSON_MAX_DEPTH_PER_THROWABLE);
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimeZone("UTC");
        encoder.setThrowableConverter(stackTraces);
        encoder.start();
        return encoder;
    }
}
