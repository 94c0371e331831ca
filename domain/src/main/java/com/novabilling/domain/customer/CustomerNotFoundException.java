package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.Text;

/** No customer with that id in the caller's tenant (also: a malformed id, or another tenant's). */
public final class CustomerNotFoundException extends DomainException {

    public static final String CODE = "customer_not_found";

    private final String id;

    public CustomerNotFoundException(CustomerId id) {
        this(id.value());
    }

    /** For a raw id from a request; it is shortened and control characters are replaced before display. */
    public CustomerNotFoundException(String rawId) {
        super("No such customer: " + printable(rawId));
        this.id = printable(rawId);
    }

    /** The id as shown in the message. */
    public String id() {
        return id;
    }

    @Override
    public String code() {
        return CODE;
    }

    private static String printable(String raw) {
        return Text.shown(raw, Text.SHOWN_ID_LENGTH);
    }
}
