package com.novabilling.application.port.in.access;

import java.util.Optional;

/** Resolves a presented bearer secret to its tenant and scopes; empty for anything that must get a 401. */
public interface AuthenticateApiKeyQuery {

    Optional<AuthenticatedKey> authenticate(String presentedSecret);
}
