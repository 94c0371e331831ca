package com.novabilling.application.port.in.access;

import java.util.Optional;

/** Resolves a presented bearer secret to its tenant and scopes; empty for anything that must get a 401. */
public interface AuthenticateApiKeyQuery {

    /** May read and write the key store: call it where blocking is allowed. */
    Optional<AuthenticatedKey> authenticate(String presentedSecret);

    /**
     * The same answer as {@link #authenticate} when it can be given from memory alone, without blocking
     * (no store read, no last-use write is due); empty otherwise, which means "call {@link #authenticate}",
     * never "refused". Lets the caller keep the common case (a known key, cached) on a thread that must not
     * block.
     */
    default Optional<AuthenticatedKey> authenticateFromMemory(String presentedSecret) {
        return Optional.empty();
    }
}
