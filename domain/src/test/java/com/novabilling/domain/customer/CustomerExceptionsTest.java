package com.novabilling.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.novabilling.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

class CustomerExceptionsTest {

    private static final String ID = "cust_01hq3k5z7x8y9abcdefghjkmnp";

    @Test
    void notFoundNamesTheId() {
        var e = new CustomerNotFoundException(new CustomerId(ID));

        assertThat(e).isInstanceOf(DomainException.class).hasMessage("No such customer: " + ID);
        assertThat(e.code()).isEqualTo("customer_not_found");
        assertThat(e.id()).isEqualTo(ID);
    }

    @Test
    void notFoundAcceptsARawIdFromTheRequest() {
        var e = new CustomerNotFoundException("nope");

        assertThat(e).hasMessage("No such customer: nope");
        assertThat(e.code()).isEqualTo("customer_not_found");
    }

    @Test
    void notFoundMakesARawIdSafeToDisplay() {
        assertThat(new CustomerNotFoundException("a\nb\u0000c\ud800")).hasMessage("No such customer: a?b?c?");
        assertThat(new CustomerNotFoundException("x".repeat(1000)))
                .hasMessage("No such customer: " + "x".repeat(64) + "...");
        assertThat(new CustomerNotFoundException((String) null)).hasMessage("No such customer: null");
    }

    @Test
    void emailTakenNamesTheEmail() {
        var e = new CustomerEmailTakenException(Email.of("Jane@Example.com"));

        assertThat(e).isInstanceOf(DomainException.class)
                .hasMessage("A customer with email Jane@Example.com already exists");
        assertThat(e.code()).isEqualTo("customer_email_taken");
        assertThat(e.email()).isEqualTo(Email.of("Jane@Example.com"));
    }

    @Test
    void externalIdTakenNamesTheExternalId() {
        var e = new CustomerExternalIdTakenException(ExternalId.of("crm-1"));

        assertThat(e).isInstanceOf(DomainException.class)
                .hasMessage("A customer with external id crm-1 already exists");
        assertThat(e.code()).isEqualTo("customer_external_id_taken");
        assertThat(e.externalId()).isEqualTo(ExternalId.of("crm-1"));
    }
}
