package com.novabilling.adapter.out.persistence.postgres;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/**
 * Inside the transaction interceptor of a {@link TrackCommits} use case: notes that the outermost use
 * case returned normally, so that a connection failure {@link StoreUnavailableTranslation} sees afterwards is known to
 * come from the commit (outcome unknown), not from the work before it (nothing committed).
 */
@Singleton
public final class CommitTracking implements MethodInterceptor<Object, Object> {

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() + 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Object result = context.proceed();
        StoreUnavailableTranslation.Call call = StoreUnavailableTranslation.CALL.get();
        if (call != null && call.depth == 1) {
            call.returned = true;
        }
        return result;
    }
}
