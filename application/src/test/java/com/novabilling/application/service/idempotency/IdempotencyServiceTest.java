package com.novabilling.application.service.idempotency;

import com.novabilling.application.fake.InMemoryIdempotencyStore;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.in.idempotency.IdempotencyUseCase.Result;
import com.novabilling.application.port.in.idempotency.IdempotentRequest;
import com.novabilling.application.port.in.idempotency.Outcome;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.idempotency.IdempotencyKeyInUseException;
import com.novabilling.domain.idempotency.IdempotencyKeyReusedException;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyServiceTest {

    private static final TenantId TENANT = new TenantId("ten_a");
    private static final IdempotencyKey KEY = new IdempotencyKey("9f1c6c3e-create-sarah");
    private static final Duration TTL = Duration.ofHours(24);

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    /** The changes that ran (and were kept: a rolled-back one is removed). */
    private final List<String> effects = new ArrayList<>();
    private final IdempotencyService service = new IdempotencyService(transactional(
            new IdempotentAttemptsService(store, clock, TTL)));

    /** What bootstrap's {@code @Transactional} does: each method one transaction, rolled back on an exception. */
    private IdempotentAttempts transactional(IdempotentAttempts attempts) {
        return new IdempotentAttempts() {
            @Override
            public Result run(IdempotentRequest request, Supplier<Outcome> change) {
                return inTransaction(() -> attempts.run(request, change));
            }

            @Override
            public Result recordRefusal(IdempotentRequest request, StoredResponse refusal) {
                return inTransaction(() -> attempts.recordRefusal(request, refusal));
            }
        };
    }

    private <T> T inTransaction(Supplier<T> work) {
        store.begin();
        int effectsBefore = effects.size();
        try {
            T result = work.get();
            store.commit();
            return result;
        } catch (RuntimeException e) {
            store.rollback();
            effects.subList(effectsBefore, effects.size()).clear();
            throw e;
        }
    }

    private static StoredResponse response(int status, String body) {
        return new StoredResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    private Supplier<Outcome> create(String name) {
        return () -> {
            effects.add("created " + name);
            return new Outcome.Completed(response(201, "{\"name\":\"" + name + "\"}"));
        };
    }

    private Supplier<Outcome> refusedCreate() {
        return () -> {
            effects.add("half-written row");
            return new Outcome.Refused(response(409, "{\"code\":\"customer_email_taken\"}"));
        };
    }

    @Test
    void theFirstRequestRunsTheChangeAndARetryGetsItsAnswerAgain() {
        IdempotentRequest request = new IdempotentRequest(TENANT, KEY, "fp-sarah");

        Result first = service.execute(request, create("Sarah"));
        Result retry = service.execute(request, create("Sarah"));

        assertThat(effects).containsExactly("created Sarah");
        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(new String(retry.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Sarah\"}");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndRunsNothing() {
        service.execute(new IdempotentRequest(TENANT, KEY, "fp-sarah"), create("Sarah"));

        assertThatThrownBy(() -> service.execute(new IdempotentRequest(TENANT, KEY, "fp-someone-else"), create("Other")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(effects).containsExactly("created Sarah");
    }

    @Test
    void aKeyHeldByARunningRequestIsInUseAndRunsNothing() {
        store.holdElsewhere(TENANT, KEY);

        assertThatThrownBy(() -> service.execute(new IdempotentRequest(TENANT, KEY, "fp"), create("Sarah")))
                .isInstanceOf(IdempotencyKeyInUseException.class);
        assertThat(effects).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aRefusalIsRolledBackButItsAnswerIsKeptForRetries() {
        IdempotentRequest request = new IdempotentRequest(TENANT, KEY, "fp");

        Result first = service.execute(request, refusedCreate());
        Result retry = service.execute(request, create("would succeed now"));

        assertThat(effects).as("the refused change left nothing").isEmpty();
        assertThat(first.response().status()).isEqualTo(409);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
    }

    @Test
    void aRefusalIsNotStoredWhenARetryTookTheKeyMeanwhile() {
        IdempotentRequest request = new IdempotentRequest(TENANT, KEY, "fp");
        Supplier<Outcome> refusedThenKeyTaken = () -> {
            store.holdElsewhere(TENANT, KEY); // a retry starts while this one rolls back
            return new Outcome.Refused(response(404, "{\"code\":\"customer_not_found\"}"));
        };

        Result result = service.execute(request, refusedThenKeyTaken);

        assertThat(result.response().status()).isEqualTo(404);
        assertThat(store.size()).isZero();
    }

    @Test
    void aFailureBeforeAnAnswerStoresNothingSoTheKeyCanBeRetried() {
        IdempotentRequest request = new IdempotentRequest(TENANT, KEY, "fp");
        assertThatThrownBy(() -> service.execute(request, () -> {
            effects.add("partial");
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");

        Result retry = service.execute(request, create("Sarah"));
        assertThat(retry.replayed()).isFalse();
        assertThat(effects).containsExactly("created Sarah");
    }

    @Test
    void anExpiredKeyIsFreeAgainAndThePurgeForgetsIt() {
        IdempotentRequest request = new IdempotentRequest(TENANT, KEY, "fp-1");
        service.execute(request, create("First"));
        clock.advance(TTL.plusSeconds(1));

        Result again = service.execute(new IdempotentRequest(TENANT, KEY, "fp-2"), create("Second"));
        assertThat(again.replayed()).isFalse();
        assertThat(effects).containsExactly("created First", "created Second");

        clock.advance(TTL.plusSeconds(1));
        assertThat(new IdempotencyPurgeService(store, clock, TTL).purgeExpired()).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void keysOfOtherTenantsAreOtherKeys() {
        service.execute(new IdempotentRequest(TENANT, KEY, "fp"), create("A"));
        Result other = service.execute(new IdempotentRequest(new TenantId("ten_b"), KEY, "fp"), create("B"));
        assertThat(other.replayed()).isFalse();
        assertThat(effects).containsExactly("created A", "created B");
    }
}
