package com.novabilling.domain.event;

import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.Text;

/** No event with that id in the caller's tenant (also: a malformed id, another tenant's, or one purged). */
public final class EventNotFoundException extends DomainException {

    public static final String CODE = "event_not_found";

    public EventNotFoundException(String rawId) {
        super("No such event: " + Text.shown(rawId, Text.SHOWN_ID_LENGTH));
    }

    @Override
    public String code() {
        return CODE;
    }
}
