package com.novabilling.application.service.idempotency;

import com.novabilling.application.port.in.idempotency.IdempotencyUseCase.Result;
import com.novabilling.application.port.in.idempotency.IdempotentRequest;
import com.novabilling.application.port.in.idempotency.Outcome;
import com.novabilling.application.port.out.idempotency.IdempotencyStore;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.idempotency.IdempotencyKeyInUseException;
import com.novabilling.domain.idempotency.IdempotencyKeyReusedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link IdempotentAttempts} on an {@link IdempotencyStore}; keys live {@code ttl}. */
public final class IdempotentAttemptsService implements IdempotentAttempts {

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;

    public IdempotentAttemptsService(IdempotencyStore store, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the idempotency key time to live must be positive");
        }
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Result run(IdempotentRequest request, Supplier<Outcome> change) {
        if (!store.tryLock(request.tenantId(), request.key())) {
            throw new IdempotencyKeyInUseException();
        }
        Instant now = clock.instant();
        Optional<Result> replay = replay(request, now);
        if (replay.isPresent()) {
            return replay.get();
        }
        Outcome outcome = change.get();
        if (outcome instanceof Outcome.Refused refused) {
            throw new RefusedOutcome(refused.response());
        }
        store.save(new IdempotencyRecord(request.tenantId(), request.key(), request.fingerprint(), outcome.response(),
                now), now.minus(ttl));
        return new Result(outcome.response(), false);
    }

    @Override
    public Result recordRefusal(IdempotentRequest request, StoredResponse refusal) {
        if (!store.tryLock(request.tenantId(), request.key())) {
            // a retry took the key since the rollback: it runs the change itself and stores its own answer
            return new Result(refusal, false);
        }
        Instant now = clock.instant();
        Optional<Result> replay = replay(request, now);
        if (replay.isPresent()) {
            return replay.get();
        }
        store.save(new IdempotencyRecord(request.tenantId(), request.key(), request.fingerprint(), refusal, now),
                now.minus(ttl));
        return new Result(refusal, false);
    }

    /** The stored answer for the same request; a live key of another request is refused; an expired one is absent. */
    private Optional<Result> replay(IdempotentRequest request, Instant now) {
        Optional<IdempotencyRecord> stored = store.find(request.tenantId(), request.key())
                .filter(record -> record.createdAt().isAfter(now.minus(ttl)));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().fingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(new Result(stored.get().response(), true));
    }
}
