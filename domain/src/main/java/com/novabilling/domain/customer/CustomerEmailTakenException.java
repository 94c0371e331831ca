package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainException;
import java.util.Objects;

/** Another customer of the tenant already has this email (compared case-insensitively). */
public final class CustomerEmailTakenException extends DomainException {

    public static final String CODE = "customer_email_taken";

    private final Email email;

    public CustomerEmailTakenException(Email email) {
        super("A customer with email " + Objects.requireNonNull(email, "email").value() + " already exists");
        this.email = email;
    }

    public Email email() {
        return email;
    }

    @Override
    public String code() {
        return CODE;
    }
}
