package com.novabilling.adapter.out.persistence.postgres;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Wraps a use case marked {@link TranslateStoreFailures}, outside its transaction interceptor: when the transaction
 * manager itself cannot reach the database (no connection to begin with, connection lost at commit or rollback),
 * that failure is raised before or after any adapter code runs, so the adapters' {@link PostgresFailures#translate}
 * never sees it. It leaves as the out-port's {@link StoreUnavailableException}, like every other connection failure.
 *
 * <p>When the use case had returned ({@link CommitTracking}, inside the transaction interceptor, says so) the failure
 * is the commit's: the database may have committed before the connection died, so the exception says the outcome
 * is unknown. Nested use cases (one joining the other's transaction) count once, at the outermost. A use case with
 * no transaction of its own (a single statement in autocommit) that runs outside any transaction commits inside
 * its statement: there, a connection lost after one was obtained may have lost the answer of a commit, so it is
 * unknown too; only a connection that could not be obtained at all ({@link PostgresFailures#nothingSent}) or a
 * statement PostgreSQL cancelled ({@link PostgresFailures#statementCanceled}: it answered, nothing committed) is
 * known to have changed nothing. A create without an Idempotency-Key is such a use case (one statement).
 */
@Singleton
public final class StoreUnavailableTranslation implements MethodInterceptor<Object, Object> {

    /** Per thread: how deep in marked use cases, and whether the outermost one returned. */
    static final ThreadLocal<Call> CALL = new ThreadLocal<>();

    static final class Call {
        int depth;
        boolean returned;
    }

    private static boolean outcomeUnknown(boolean outermost, boolean autocommit, Call call, Throwable failure) {
        if (!outermost) {
            return false;
        }
        return call.returned || (autocommit && PostgresFailures.mayHaveCommitted(failure));
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Call call = CALL.get();
        boolean outermost = call == null;
        boolean autocommit = outermost && !context.hasStereotype(Transactional.class);
        if (outermost) {
            call = new Call();
            CALL.set(call);
        }
        call.depth++;
        try {
            return context.proceed();
        } catch (StoreUnavailableException e) {
            if (!e.outcomeUnknown() && outcomeUnknown(outermost, autocommit, call, e)) {
                throw new StoreUnavailableException(e.getCause(), true);
            }
            throw e;
        } catch (RuntimeException e) {
            if (PostgresFailures.isConnectionFailure(e)) {
                throw new StoreUnavailableException(e, outcomeUnknown(outermost, autocommit, call, e));
            }
            throw e;
        } finally {
            call.depth--;
            if (outermost) {
                CALL.remove();
            }
        }
    }
}
