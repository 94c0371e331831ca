package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.Text;

public final class ApiKeyNotFoundException extends DomainException {

    public ApiKeyNotFoundException(String id) {
        super("No such API key: " + (Text.length(id) > 64 ? Text.truncate(id, 64) + "..." : id));
    }

    @Override
    public String code() {
        return "api_key_not_found";
    }
}
