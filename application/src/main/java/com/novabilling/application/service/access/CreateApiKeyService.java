package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.CreateApiKeyCommand;
import com.novabilling.application.port.in.access.CreateApiKeyUseCase;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.access.ScopeNotHeldException;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final ApiKeyStore keys;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public CreateApiKeyService(ApiKeyStore keys, Clock clock, RandomGenerator secureRandom) {
        this.keys = keys;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public IssuedApiKey create(CreateApiKeyCommand command) {
        Set<Scope> notHeld = EnumSet.noneOf(Scope.class);
        notHeld.addAll(command.scopes());
        notHeld.removeAll(command.grantorScopes());
        if (!notHeld.isEmpty()) {
            throw new ScopeNotHeldException(notHeld);
        }
        IssuedApiKey issued = ApiKey.issue(command.tenantId(), command.name(), command.scopes(), command.expiresAt(),
                ApiKeySecret.generate(secureRandom), clock.instant(), secureRandom);
        keys.insert(issued.key());
        return issued;
    }
}
