package com.novabilling.domain.access;

/** A key just created, with its secret: the only moment the secret is known to the service. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
