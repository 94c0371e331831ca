package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.IssuedApiKey;

/** Issues a new key in the caller's tenant; the secret is in the result and nowhere else, ever. */
public interface CreateApiKeyUseCase {

    /** @throws com.novabilling.domain.access.ScopeNotHeldException the caller's key lacks a requested scope */
    IssuedApiKey create(CreateApiKeyCommand command);
}
