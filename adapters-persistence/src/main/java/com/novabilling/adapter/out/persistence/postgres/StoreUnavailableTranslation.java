package com.novabilling.adapter.out.persistence.postgres;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/**
 * Wraps a use case marked {@link TranslateStoreFailures}, outside its transaction interceptor: when the transaction
 * manager itself cannot reach the database (no connection to begin with, connection lost at commit), that
 * failure is raised before or after any adapter code runs, so the adapters' {@link PostgresFailures#translate} never sees it. It leaves as the
 * out-port's {@link StoreUnavailableException}, like every other connection failure.
 */
@Singleton
public final class StoreUnavailableTranslation implements MethodInterceptor<Object, Object> {

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (PostgresFailures.isConnectionFailure(e)) {
                throw new StoreUnavailableException(e);
            }
            throw e;
        }
    }
}
