package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Text;
import com.novabilling.domain.shared.Violation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A tenant's API key. The key holds only the SHA-256 of its secret; the secret itself exists once, in
 * the {@link IssuedApiKey} returned at creation.
 */
public final class ApiKey {

    public static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyId id;
    private final TenantId tenantId;
    private final String name;
    private final Set<Scope> scopes;
    private final String displayPrefix;
    private final byte[] secretSha256;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant expiresAt;
    private Instant revokedAt;

    private ApiKey(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String displayPrefix,
                   byte[] secretSha256, Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = Objects.requireNonNull(name, "name");
        this.scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        this.displayPrefix = Objects.requireNonNull(displayPrefix, "displayPrefix");
        this.secretSha256 = secretSha256.clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = lastUsedAt;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
    }

    /**
     * Issues a new key for {@code secret}. Rules: a name of 1..100 characters, at least one scope, an
     * expiry (if any) in the future.
     */
    public static IssuedApiKey issue(TenantId tenantId, String name, Set<Scope> scopes, Instant expiresAt,
                                     ApiKeySecret secret, Instant now, RandomGenerator random) {
        List<Violation> violations = new ArrayList<>();
        String cleanName = null;
        try {
            cleanName = validName(name);
        } catch (DomainValidationException e) {
            violations.addAll(e.violations());
        }
        if (scopes == null || scopes.isEmpty()) {
            violations.add(new Violation("scopes", "must name at least one scope"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            violations.add(new Violation("expiresAt", "must be in the future"));
        }
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        ApiKey key = new ApiKey(ApiKeyId.generate(now, random), tenantId, cleanName, scopes, secret.displayPrefix(),
                secret.sha256(), created, null, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS), null);
        return new IssuedApiKey(key, secret);
    }

    /**
     * {@code raw} stripped, when it is a valid key name: 1 to 100 characters, not blank, no control
     * characters. Public so that an adapter can report it together with the other fields of a request.
     *
     * @throws DomainValidationException on {@code name} otherwise
     */
    public static String validName(String raw) {
        String name = raw == null ? null : raw.strip();
        if (name == null || Text.isBlank(name)) {
            throw new DomainValidationException("name", "is required");
        }
        if (Text.length(name) > MAX_NAME_LENGTH) {
            throw new DomainValidationException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(name)) {
            throw new DomainValidationException("name", "must not contain control characters");
        }
        return name;
    }

    public static ApiKey restore(ApiKeyId id, TenantId tenantId, String name, Set<Scope> scopes, String displayPrefix,
                                 byte[] secretSha256, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                                 Instant revokedAt) {
        return new ApiKey(id, tenantId, name, scopes, displayPrefix, secretSha256, createdAt, lastUsedAt, expiresAt,
                revokedAt);
    }

    /** Whether the key authenticates requests at {@code at}: not revoked and not expired. */
    public boolean isUsableAt(Instant at) {
        return revokedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }

    public boolean grants(Scope scope) {
        return scopes.contains(scope);
    }

    /** Revokes the key; revoking a revoked key keeps the first revocation time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public boolean matches(ApiKeySecret secret) {
        return java.security.MessageDigest.isEqual(secretSha256, secret.sha256());
    }

    public ApiKeyId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public String displayPrefix() {
        return displayPrefix;
    }

    public byte[] secretSha256() {
        return secretSha256.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.id.equals(id) && other.tenantId.equals(tenantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + " of " + tenantId + ", scopes " + Arrays.toString(scopes.toArray()) + "]";
    }
}
