package com.novabilling.application.service.access;

import com.novabilling.application.fake.InMemoryApiKeyStore;
import com.novabilling.application.fake.InMemoryTenantStore;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.in.access.AuthenticatedKey;
import com.novabilling.application.port.in.access.CreateApiKeyCommand;
import com.novabilling.domain.access.ApiKeyNotFoundException;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.access.ScopeNotHeldException;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyServicesTest {

    private static final TenantId TENANT = new TenantId("ten_a");
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(10), 100);
    private final Random random = new Random(7);
    private final CreateApiKeyService create = new CreateApiKeyService(store, clock, random);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(store, tenants, cache, clock);
    private final RevokeApiKeyService revoke = new RevokeApiKeyService(store, cache, clock);

    private IssuedApiKey issue(Set<Scope> scopes, Instant expiresAt) {
        return create.create(new CreateApiKeyCommand(TENANT, "k", scopes, expiresAt, EnumSet.allOf(Scope.class)));
    }

    @Test
    void resolvesASecretToItsTenantAndScopes() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);

        Optional<AuthenticatedKey> found = authenticate.authenticate(key.secret().value());

        assertThat(found).contains(new AuthenticatedKey(TENANT, key.key().id(), Set.of(Scope.CUSTOMERS_READ)));
    }

    @Test
    void refusesMalformedUnknownAndExpiredSecretsAlike() {
        IssuedApiKey expiring = issue(Set.of(Scope.CUSTOMERS_READ), clock.instant().plusSeconds(30));

        assertThat(authenticate.authenticate(null)).isEmpty();
        assertThat(authenticate.authenticate("Bearer nonsense")).isEmpty();
        assertThat(authenticate.authenticate("sk_live_" + "x".repeat(40))).isEmpty();
        assertThat(authenticate.authenticate(expiring.secret().value())).isPresent();
        clock.advance(Duration.ofSeconds(31));
        assertThat(authenticate.authenticate(expiring.secret().value())).isEmpty();
    }

    @Test
    void keepsLookupsOffTheStoreWithinTheTtl() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);

        for (int i = 0; i < 50; i++) {
            authenticate.authenticate(key.secret().value());
        }
        assertThat(store.lookups).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        authenticate.authenticate(key.secret().value());
        assertThat(store.lookups).isEqualTo(2);
    }

    @Test
    void recordsLastUseAtMostOnceAMinute() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);

        for (int second = 0; second < 150; second++) {
            authenticate.authenticate(key.secret().value());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.recordedUses).hasSize(3);
        assertThat(Duration.between(store.recordedUses.get(0), store.recordedUses.get(1))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aRevokedKeyStopsAtOnceDespiteTheCache() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);
        assertThat(authenticate.authenticate(key.secret().value())).isPresent();

        revoke.revoke(TENANT, key.key().id());

        assertThat(authenticate.authenticate(key.secret().value())).isEmpty();
        assertThatThrownBy(() -> revoke.revoke(new TenantId("ten_other"), key.key().id()))
                .isInstanceOf(ApiKeyNotFoundException.class);
    }

    @Test
    void aKeyCannotGrantScopesItLacks() {
        assertThatThrownBy(() -> create.create(new CreateApiKeyCommand(TENANT, "k", Set.of(Scope.CUSTOMERS_WRITE), null,
                Set.of(Scope.CUSTOMERS_READ, Scope.API_KEYS_WRITE))))
                .isInstanceOf(ScopeNotHeldException.class)
                .hasMessageContaining("customers:write");
        assertThatThrownBy(() -> issue(Set.of(), null)).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void storesOnlyTheHashOfTheSecret() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);

        assertThat(key.secret().value()).matches("sk_live_[0-9A-Za-z]{40}");
        assertThat(key.key().secretSha256()).isEqualTo(key.secret().sha256()).hasSize(32);
        assertThat(key.key().displayPrefix()).isEqualTo(key.secret().value().substring(0, 12));
        assertThat(key.secret().toString()).doesNotContain(key.secret().value().substring(12));
    }

    @Test
    void countsCacheHitsAndMissesPerLookup() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);
        String unknown = "sk_live_" + "y".repeat(40);

        authenticate.authenticate(key.secret().value());
        authenticate.authenticate(key.secret().value());
        authenticate.authenticate(unknown);
        authenticate.authenticate(unknown);
        authenticate.authenticate("not a key");
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.hits()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(11));
        authenticate.authenticate(key.secret().value());
        assertThat(cache.misses()).isEqualTo(3);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void answersACachedUsableKeyFromMemoryWithoutTouchingTheStore() {
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), clock.instant().plusSeconds(30));
        String secret = key.secret().value();
        AuthenticatedKey expected = new AuthenticatedKey(TENANT, key.key().id(), Set.of(Scope.CUSTOMERS_READ));

        assertThat(authenticate.authenticateFromMemory(secret)).as("not cached yet").isEmpty();
        assertThat(authenticate.authenticate(secret)).contains(expected);
        int lookups = store.lookups;
        int uses = store.recordedUses.size();
        long hits = cache.hits();

        assertThat(authenticate.authenticateFromMemory(secret)).contains(expected);
        assertThat(authenticate.authenticateFromMemory(secret)).contains(expected);
        assertThat(store.lookups).isEqualTo(lookups);
        assertThat(store.recordedUses).hasSize(uses);
        assertThat(cache.hits()).isEqualTo(hits + 2);

        clock.advance(Duration.ofSeconds(11));
        assertThat(authenticate.authenticateFromMemory(secret)).as("cache entry expired").isEmpty();
        assertThat(authenticate.authenticate(secret)).contains(expected);
        clock.advance(Duration.ofSeconds(20));
        assertThat(authenticate.authenticateFromMemory(secret)).as("key expired, entry fresh").isEmpty();
        assertThat(authenticate.authenticate(secret)).isEmpty();
    }

    @Test
    void leavesUnknownMalformedRevokedKeysAndDueLastUseWritesToTheStorePath() {
        ApiKeyCache longCache = new ApiKeyCache(Duration.ofMinutes(5), 100);
        AuthenticateApiKeyService service = new AuthenticateApiKeyService(store, tenants, longCache, clock);
        IssuedApiKey key = issue(Set.of(Scope.CUSTOMERS_READ), null);
        String unknown = "sk_live_" + "z".repeat(40);

        assertThat(service.authenticate(unknown)).isEmpty();
        assertThat(service.authenticateFromMemory(unknown)).as("a remembered unknown key is not an answer from memory").isEmpty();
        assertThat(service.authenticateFromMemory("not a key")).isEmpty();

        assertThat(service.authenticate(key.secret().value())).isPresent();
        assertThat(service.authenticateFromMemory(key.secret().value())).isPresent();
        clock.advance(Duration.ofSeconds(61));
        assertThat(service.authenticateFromMemory(key.secret().value())).as("a last-use write is due").isEmpty();
        int uses = store.recordedUses.size();
        assertThat(service.authenticate(key.secret().value())).isPresent();
        assertThat(store.recordedUses).hasSize(uses + 1);
        assertThat(service.authenticateFromMemory(key.secret().value())).isPresent();

        new RevokeApiKeyService(store, longCache, clock).revoke(TENANT, key.key().id());
        assertThat(service.authenticateFromMemory(key.secret().value())).isEmpty();
        assertThat(service.authenticate(key.secret().value())).isEmpty();
    }
}
