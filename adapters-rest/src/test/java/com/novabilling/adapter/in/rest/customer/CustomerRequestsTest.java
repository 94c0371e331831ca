package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.json.JsonBodies;
import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import com.novabilling.application.port.in.customer.Change;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class CustomerRequestsTest {

    private static final TenantId TENANT = new TenantId("t1");
    private static final CustomerId ID = CustomerId.generate(Instant.parse("2025-03-01T10:00:00Z"), new Random(1));

    static JsonNode json(String text) {
        return JsonBodies.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Violation> violationsOf(Runnable mapping) {
        try {
            mapping.run();
        } catch (DomainValidationException e) {
            return e.violations();
        }
        throw new AssertionError("expected a DomainValidationException");
    }

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void createMapsEveryField() {
        CreateCustomerCommand command = CustomerRequests.toCreateCommand(TENANT, json("""
                {"externalId": "usr_98765", "email": " sarah@kampaltech.ug ", "name": "Nakato Sarah",
                 "country": "ug", "currency": "ugx", "status": "inactive",
                 "metadata": {"userId": "usr_98765", "vip": true, "seats": 10, "rate": 1.50}}
                """));

        assertThat(command.tenantId()).isEqualTo(TENANT);
        assertThat(command.email().value()).isEqualTo("sarah@kampaltech.ug");
        assertThat(command.name().value()).isEqualTo("Nakato Sarah");
        assertThat(command.externalId()).isEqualTo(ExternalId.of("usr_98765"));
        assertThat(command.country()).isEqualTo(CountryCode.of("UG"));
        assertThat(command.currency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(command.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(command.metadata().asMap()).containsExactly(
                entry("rate", new BigDecimal("1.5")), entry("seats", new BigDecimal("10")),
                entry("userId", "usr_98765"), entry("vip", true));
    }

    @Test
    void leavesOptionalFieldsToTheirDefaultsWhenAbsentOrNull() {
        CreateCustomerCommand command = CustomerRequests.toCreateCommand(TENANT, json("""
                {"email": "a@example.com", "name": "A", "externalId": null, "country": null,
                 "currency": null, "status": null, "metadata": null}
                """));

        assertThat(command.externalId()).isNull();
        assertThat(command.country()).isNull();
        assertThat(command.currency()).isNull();
        assertThat(command.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(command.metadata().isEmpty()).isTrue();
    }

    @Test
    void requiresEmailAndNameReportingBoth() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT, json("{}")));

        assertThat(violations).containsExactly(
                new Violation("email", "is required"), new Violation("name", "is required"));
    }

    @Test
    void namesAFieldOfTheWrongJsonType() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT,
                json("{\"email\": \"a@example.com\", \"name\": 42}")));

        assertThat(violations).containsExactly(new Violation("name", "must be a string"));
    }

    @Test
    void namesUnknownAndReadOnlyFields() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT, json("""
                {"email": "a@example.com", "name": "A", "foo": 1, "id": "cust_x", "totalSpent": 3}
                """)));

        assertThat(violations).containsExactlyInAnyOrder(
                new Violation("foo", "unknown field"),
                new Violation("id", "is read-only"),
                new Violation("totalSpent", "is read-only"));
    }

    @Test
    void collectsViolationsFromEveryFieldAtOnce() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT, json("""
                {"email": "not-an-email", "name": " ", "country": "XX", "currency": "ABC",
                 "status": "deleted", "externalId": "has space", "metadata": [], "createdAt": "now"}
                """)));

        assertThat(fields(violations)).containsExactlyInAnyOrder(
                "email", "name", "country", "currency", "status", "externalId", "metadata", "createdAt");
    }

    @Test
    void leavesControlCharactersToTheValueObjects() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT,
                json("{\"email\": \"a@example.com\", \"name\": \"A\\u0000B\"}")));

        assertThat(violations).containsExactly(new Violation("name", "must not contain control characters"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        for (String body : List.of("[]", "[{\"email\": \"a@example.com\"}]", "\"text\"", "42", "null")) {
            assertThatThrownBy(() -> CustomerRequests.toCreateCommand(TENANT, json(body)))
                    .as(body)
                    .isInstanceOf(MalformedJsonException.class)
                    .hasMessage("The request body must be a JSON object.");
        }
        assertThatThrownBy(() -> CustomerRequests.toCreateCommand(TENANT, null))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void reportsAtMostTwentyUnknownFieldsWithShortenedNames() {
        String many = IntStream.range(0, 30).mapToObj(i -> "\"x" + i + "\": 1").collect(Collectors.joining(","));
        String longName = "k".repeat(100);
        List<Violation> violations = violationsOf(() -> CustomerRequests.toCreateCommand(TENANT,
                json("{\"" + longName + "\": 1, " + many + ", \"email\": \"a@example.com\", \"name\": \"A\"}")));

        assertThat(violations).hasSize(20);
        assertThat(violations.get(0).field()).isEqualTo("k".repeat(64) + "...");
    }

    @Test
    void acceptsATreeBuiltWithTheJsonNodeFactories() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("email", JsonNode.createStringNode("a@example.com"));
        fields.put("name", JsonNode.createStringNode("A"));
        fields.put("metadata", JsonNode.createObjectNode(Map.of("n", JsonNode.createNumberNode(3))));

        CreateCustomerCommand command = CustomerRequests.toCreateCommand(TENANT, JsonNode.createObjectNode(fields));

        assertThat(command.metadata().asMap()).containsExactly(entry("n", new BigDecimal("3")));
    }

    @Test
    void namesANestedMetadataObjectByItsKey() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"metadata\": {\"plan\": {\"tier\": 1}}}")));

        assertThat(violations).containsExactly(
                new Violation("metadata.plan", "must be a string, number or boolean"));
    }

    @Test
    void namesArrayAndNullMetadataValuesByTheirKeys() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"metadata\": {\"tags\": [1], \"gone\": null, \"ok\": \"yes\"}}")));

        assertThat(fields(violations)).containsExactly("metadata.tags", "metadata.gone");
    }

    @Test
    void metadataMustBeAnObject() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"metadata\": \"plan=pro\"}")));

        assertThat(violations).containsExactly(new Violation("metadata", "must be an object"));
    }

    @Test
    void metadataKeepsDecimalsExact() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"metadata\": {\"big\": 12345678901234567890.123456789}}"));

        assertThat(command.metadata().asMap().get("big"))
                .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void patchChangesOnlyTheFieldsPresent() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"name\": \"New Name\"}"));

        assertThat(command.customerId()).isEqualTo(ID);
        assertThat(command.name().value()).isEqualTo("New Name");
        assertThat(command.email()).isNull();
        assertThat(command.externalId()).isNull();
        assertThat(command.country()).isNull();
        assertThat(command.currency()).isNull();
        assertThat(command.status()).isNull();
        assertThat(command.metadata()).isNull();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID, json("{}"));

        assertThat(command).isEqualTo(
                new UpdateCustomerCommand(TENANT, ID, null, null, null, null, null, null, null));
    }

    @Test
    void nullClearsTheOptionalFields() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"country\": null, \"externalId\": null}"));

        assertThat(command.country()).isEqualTo(Change.clear());
        assertThat(command.externalId()).isEqualTo(Change.clear());
    }

    @Test
    void aValueReplacesAnOptionalField() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID,
                json("{\"country\": \"ng\", \"externalId\": \"ext-1\"}"));

        assertThat(command.country()).isEqualTo(Change.to(CountryCode.of("NG")));
        assertThat(command.externalId()).isEqualTo(Change.to(ExternalId.of("ext-1")));
    }

    @Test
    void nullIsAViolationForTheFieldsACustomerAlwaysHasAValueOf() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toUpdateCommand(TENANT, ID, json("""
                {"email": null, "name": null, "currency": null, "status": null, "metadata": null}
                """)));

        assertThat(violations).containsExactly(
                new Violation("email", "must not be null"),
                new Violation("name", "must not be null"),
                new Violation("currency", "must not be null"),
                new Violation("status", "must not be null"));
    }

    @Test
    void nullMetadataClearsItLikeAnEmptyObject() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID, json("{\"metadata\": null}"));

        assertThat(command.metadata()).isEqualTo(Metadata.empty());
    }

    @Test
    void anEmptyMetadataObjectClearsIt() {
        UpdateCustomerCommand command = CustomerRequests.toUpdateCommand(TENANT, ID, json("{\"metadata\": {}}"));

        assertThat(command.metadata().isEmpty()).isTrue();
    }

    @Test
    void namesWrongTypesUnknownAndReadOnlyFieldsTogether() {
        List<Violation> violations = violationsOf(() -> CustomerRequests.toUpdateCommand(TENANT, ID, json("""
                {"email": null, "name": 42, "country": false, "id": "x", "foo": 1, "updatedAt": "now"}
                """)));

        assertThat(violations).containsExactlyInAnyOrder(
                new Violation("email", "must not be null"),
                new Violation("name", "must be a string"),
                new Violation("country", "must be a string"),
                new Violation("id", "is read-only"),
                new Violation("foo", "unknown field"),
                new Violation("updatedAt", "is read-only"));
    }
}
