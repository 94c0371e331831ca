package com.novabilling.domain.webhook;

/** What came of one delivery attempt. */
public enum AttemptOutcome {
    /** A 2xx answer within the timeout: done. */
    DELIVERED("delivered"),
    /** Anything else, with a retry scheduled. */
    RETRYING("retrying"),
    /** No more retries: the give-up time passed, the receiver answered 410 Gone, or the endpoint is disabled. */
    FAILED("failed");

    private final String wireName;

    AttemptOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AttemptOutcome fromWire(String raw) {
        for (AttemptOutcome o : values()) {
            if (o.wireName.equals(raw)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown attempt outcome " + raw);
    }
}
