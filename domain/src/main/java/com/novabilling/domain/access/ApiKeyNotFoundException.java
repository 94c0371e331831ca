package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainException;

public final class ApiKeyNotFoundException extends DomainException {

    public ApiKeyNotFoundException(String id) {
        super("No such API key: " + (id.length() > 64 ? id.substring(0, 64) : id));
    }

    @Override
    public String code() {
        return "api_key_not_found";
    }
}
