package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainException;

import java.util.Set;
import java.util.stream.Collectors;

/** A key tried to grant a new key scopes it does not hold itself. */
public final class ScopeNotHeldException extends DomainException {

    private final Set<Scope> missing;

    public ScopeNotHeldException(Set<Scope> missing) {
        super("This API key cannot grant scopes it does not hold: "
                + missing.stream().map(Scope::wireName).sorted().collect(Collectors.joining(", ")));
        this.missing = Set.copyOf(missing);
    }

    public Set<Scope> missing() {
        return missing;
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
