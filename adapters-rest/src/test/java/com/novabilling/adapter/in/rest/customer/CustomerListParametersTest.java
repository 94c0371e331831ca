package com.novabilling.adapter.in.rest.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerListParametersTest {

    private static final TenantId TENANT = new TenantId("t1");

    private static CustomerListParameters only(String name, String value) {
        return new CustomerListParameters(
                name.equals("page") ? value : null,
                name.equals("limit") ? value : null,
                name.equals("search") ? value : null,
                name.equals("status") ? value : null,
                name.equals("country") ? value : null,
                name.equals("currency") ? value : null,
                name.equals("externalId") ? value : null,
                name.equals("email") ? value : null,
                name.equals("sortBy") ? value : null,
                name.equals("sortOrder") ? value : null);
    }

    private static List<Violation> violationsOf(CustomerListParameters parameters) {
        try {
            parameters.toCriteria(TENANT);
        } catch (DomainValidationException e) {
            return e.violations();
        }
        throw new AssertionError("expected a DomainValidationException");
    }

    @Test
    void defaultsToTheFirstPageOfTwentyNewestFirst() {
        CustomerListCriteria criteria = only("none", null).toCriteria(TENANT);

        assertThat(criteria.page()).isEqualTo(1);
        assertThat(criteria.limit()).isEqualTo(20);
        assertThat(criteria.sortBy()).isEqualTo(CustomerSortField.CREATED_AT);
        assertThat(criteria.sortOrder()).isEqualTo(SortOrder.DESC);
        assertThat(criteria.search()).isNull();
        assertThat(criteria.status()).isNull();
    }

    @Test
    void treatsEmptyValuesAsAbsent() {
        CustomerListCriteria criteria = new CustomerListParameters("", "", "", "", "", "", "", "", "", "")
                .toCriteria(TENANT);

        assertThat(criteria).isEqualTo(new CustomerListCriteria.Builder(TENANT).build());
    }

    @Test
    void parsesEveryParameter() {
        CustomerListCriteria criteria = new CustomerListParameters("3", "50", "sarah", "inactive", "ug", "ugx",
                "usr_1", "Sarah@Example.com", "name", "asc").toCriteria(TENANT);

        assertThat(criteria.page()).isEqualTo(3);
        assertThat(criteria.limit()).isEqualTo(50);
        assertThat(criteria.search()).isEqualTo("sarah");
        assertThat(criteria.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(criteria.country()).isEqualTo(CountryCode.of("UG"));
        assertThat(criteria.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(criteria.externalId()).isEqualTo(ExternalId.of("usr_1"));
        assertThat(criteria.email()).isEqualTo(Email.of("Sarah@Example.com"));
        assertThat(criteria.sortBy()).isEqualTo(CustomerSortField.NAME);
        assertThat(criteria.sortOrder()).isEqualTo(SortOrder.ASC);
    }

    @ParameterizedTest
    @CsvSource({
            "page, abc",
            "page, 0",
            "page, -1",
            "page, 1.5",
            "page, 99999999999",
            "limit, 0",
            "limit, 101",
            "limit, ten",
            "sortBy, password",
            "sortOrder, up",
            "sortOrder, DESC",
            "status, deleted",
            "country, XX",
            "currency, ABC",
            "email, nope",
            "externalId, has space",
    })
    void namesTheBadParameter(String name, String value) {
        assertThat(violationsOf(only(name, value))).extracting(Violation::field).containsExactly(name);
    }

    @Test
    void refusesATooLongSearch() {
        assertThat(violationsOf(only("search", "s".repeat(101)))).extracting(Violation::field)
                .containsExactly("search");
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        CustomerListParameters parameters = new CustomerListParameters("abc", "101", "x\u0001", "deleted", "XX",
                "ABC", " ", "nope", "password", "up");

        assertThat(violationsOf(parameters)).extracting(Violation::field).containsExactly(
                "page", "limit", "search", "status", "country", "currency", "externalId", "email", "sortBy",
                "sortOrder");
    }

    @Test
    void explainsTheAllowedRange() {
        assertThat(violationsOf(only("limit", "101")))
                .containsExactly(new Violation("limit", "must be an integer between 1 and 100"));
    }
}
