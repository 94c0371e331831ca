package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds a controller parameter of type {@link ApiPrincipal} from the request attribute the authentication
 * filter sets. Postponed: it binds after the filters ran. No principal means the request was never
 * authenticated, which fails the request with 401 {@code unauthorized} rather than reaching the controller.
 */
@Singleton
public final class ApiPrincipalBinder
        implements TypedRequestArgumentBinder<ApiPrincipal>, PostponedRequestArgumentBinder<ApiPrincipal> {

    private static final Argument<ApiPrincipal> TYPE = Argument.of(ApiPrincipal.class);

    @Override
    public Argument<ApiPrincipal> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<ApiPrincipal> bind(ArgumentConversionContext<ApiPrincipal> context, HttpRequest<?> source) {
        Optional<ApiPrincipal> principal = source.getAttribute(ApiPrincipal.ATTRIBUTE, ApiPrincipal.class);
        if (principal.isEmpty()) {
            throw new UnauthorizedException();
        }
        return () -> principal;
    }
}
