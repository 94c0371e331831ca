package com.novabilling.domain.webhook;

final class Ids {
    private Ids() {
    }

    static String describe(String prefix) {
        return "must be " + prefix + " followed by 26 lowercase Crockford base32 characters";
    }
}
