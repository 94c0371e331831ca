package com.novabilling.application.service.access;

import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps authentication off the database on the hot path: what a secret hash resolved to (a key, or
 * nothing) is kept for {@code ttl}. A revocation on this instance evicts at once; other instances see it
 * when their entry expires. The map is bounded: past {@code maxEntries} it is cleared, so a flood of
 * random keys costs database lookups, never memory. It counts its {@link #hits()} and {@link #misses()}
 * (plain counters: whoever exports metrics reads them, the application knows no metrics library).
 */
public final class ApiKeyCache {

    /** {@code tenantLimit}: the rate limit of the key's tenant, when it has its own. */
    record Entry(Optional<ApiKey> key, Optional<RateLimit> tenantLimit, Instant loadedAt, Instant lastRecordedUse) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public ApiKeyCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    public Duration ttl() {
        return ttl;
    }

    Optional<Entry> fresh(byte[] sha256, Instant now) {
        Optional<Entry> entry = freshWithoutCounting(sha256, now);
        (entry.isPresent() ? hits : misses).increment();
        return entry;
    }

    /** The fresh entry, if any, without counting a hit or a miss (the caller counts what it answered). */
    Optional<Entry> freshWithoutCounting(byte[] sha256, Instant now) {
        Entry entry = entries.get(HexFormat.of().formatHex(sha256));
        if (entry == null || !now.isBefore(entry.loadedAt().plus(ttl))) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void countHit() {
        hits.increment();
    }

    void put(byte[] sha256, Entry entry) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(HexFormat.of().formatHex(sha256), entry);
    }

    /** Lookups answered from the cache since start (a known key or a remembered unknown one). */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to go to the key store since start (never seen, or expired). */
    public long misses() {
        return misses.sum();
    }

    /** Forgets every key of this tenant (its settings changed), so the next request reads them anew. */
    public void evictTenant(TenantId tenantId) {
        entries.values().removeIf(e -> e.key().map(k -> k.tenantId().equals(tenantId)).orElse(false));
    }

    /** Forgets the key with this id, wherever it is cached. */
    public void evict(ApiKeyId keyId) {
        entries.values().removeIf(e -> e.key().map(k -> k.id().equals(keyId)).orElse(false));
    }
}
