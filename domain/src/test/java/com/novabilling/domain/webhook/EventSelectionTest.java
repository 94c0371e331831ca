package com.novabilling.domain.webhook;

import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventSelectionTest {

    @Test
    void starSelectsEveryTypeAndTypesSelectThemselves() {
        EventSelection all = EventSelection.parse(List.of("*"));
        EventSelection some = EventSelection.parse(List.of("customer.deleted", "customer.created", "customer.created"));

        assertThat(all.matches(EventType.CUSTOMER_UPDATED)).isTrue();
        assertThat(all.wireNames()).containsExactly("*");
        assertThat(some.matches(EventType.CUSTOMER_CREATED)).isTrue();
        assertThat(some.matches(EventType.CUSTOMER_UPDATED)).isFalse();
        assertThat(some.wireNames()).containsExactly("customer.created", "customer.deleted");
    }

    @Test
    void namesEveryUnknownEntryAndRefusesEmpty() {
        DomainValidationException e = catchThrowableOfType(
                () -> EventSelection.parse(List.of("customer.created", "invoice.paid", "CUSTOMER.CREATED")),
                DomainValidationException.class);
        assertThat(e.violations()).extracting(Violation::field).containsExactly("events[1]", "events[2]");
        assertThat(catchThrowableOfType(() -> EventSelection.parse(List.of()), DomainValidationException.class)
                .violations()).extracting(Violation::field).containsExactly("events");
    }
}
