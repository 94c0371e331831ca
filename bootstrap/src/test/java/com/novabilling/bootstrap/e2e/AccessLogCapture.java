package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Predicate;

/** Collects the lines of the access logger ({@code novabilling.access}) while a test runs. */
final class AccessLogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("novabilling.access");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    AccessLogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The events logged so far, in order. */
    synchronized List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The one event whose message matches, waiting briefly: the line is written as the response leaves. */
    ILoggingEvent single(Predicate<String> message) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<ILoggingEvent> found = events().stream().filter(e -> message.test(e.getFormattedMessage())).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new AssertionError("more than one access line matches: " + found);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access line matches; lines: " + events());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
