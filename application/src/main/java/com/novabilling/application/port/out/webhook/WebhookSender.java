package com.novabilling.application.port.out.webhook;

import java.net.URI;
import java.util.Map;

/** POSTs one webhook request and says what came of it. Never follows a redirect. */
public interface WebhookSender {

    /**
     * Sends {@code body} (JSON) with {@code headers} to {@code url}; never throws for a network failure or a
     * timeout, which come back as a result without status.
     */
    Result post(URI url, Map<String, String> headers, String body);

    /** The HTTP status ({@code null} when no answer came), the time taken, and an error in a few words. */
    record Result(Integer statusCode, long durationMillis, String error) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
