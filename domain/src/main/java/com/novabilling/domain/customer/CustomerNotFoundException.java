package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainException;

/** No customer with that id in the caller's tenant (also: a malformed id, or another tenant's). */
public final class CustomerNotFoundException extends DomainException {

    public static final String CODE = "customer_not_found";
    private static final int MAX_SHOWN = 64;

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
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == MAX_SHOWN) {
                return out.append("...").toString();
            }
            boolean control = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                    || Character.getType(cp) == Character.SURROGATE;
            out.appendCodePoint(control ? '?' : cp);
        }
        return out.toString();
    }
}
