package com.novabilling.application.port.shared.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * An answer as the client received it, kept with its idempotency key to be sent again byte for byte: the HTTP
 * status, the media type, the body's bytes and the {@code Location} header (null when there was none).
 */
public record StoredResponse(int status, String contentType, byte[] body, String location) {

    public StoredResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status && contentType.equals(other.contentType)
                && Arrays.equals(body, other.body) && Objects.equals(location, other.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), location);
    }

    @Override
    public String toString() {
        return "StoredResponse[" + status + " " + contentType + ", " + body.length + " bytes"
                + (location == null ? "" : ", Location " + location) + "]";
    }
}
