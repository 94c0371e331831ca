package com.novabilling.adapter.out.persistence.postgres;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/**
 * Wraps a use case marked {@link TranslateStoreFailures}, outside its transaction interceptor: when the transaction
 * manager itself cannot reach the database (no connection to begin with, connection lost at commit or rollback),
 * that failure is raised before or after any adapter code runs, so the adapters' {@link PostgresFailures#translate}
 * never sees it. It leaves as the out-port's {@link StoreUnavailableException}, like every other connection failure.
 *
 * <p>When the use case had returned ({@link CommitTracking}, inside the transaction interceptor, says so) the failure
 * is the commit's: the database may have committed before the connection died, so the exception says the outcome
 * is unknown. Nested use cases (one joining the other's transaction) count once, at the outermost.
 */
@Singleton
public final class StoreUnavailableTranslation implements MethodInterceptor<Object, Object> {

    /** Per thread: how deep in marked use cases, and whether the outermost one returned. */
    static final ThreadLocal<Call> CALL = new ThreadLocal<>();

    static final class Call {
        int depth;
        boolean returned;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Call call = CALL.get();
        boolean outermost = call == null;
        if (outermost) {
            call = new Call();
            CALL.set(call);
        }
        call.depth++;
        try {
            return context.proceed();
        } catch (StoreUnavailableException e) {
            if (outermost && call.returned && !e.outcomeUnknown()) {
                throw new StoreUnavailableException(e.getCause(), true);
            }
            throw e;
        } catch (RuntimeException e) {
            if (PostgresFailures.isConnectionFailure(e)) {
                throw new StoreUnavailableException(e, outermost && call.returned);
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
