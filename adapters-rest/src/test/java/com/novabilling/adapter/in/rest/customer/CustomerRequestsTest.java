package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.JsonRequestReader;
import com.novabilling.adapter.in.rest.json.PatchValue;
import com.novabilling.adapter.in.rest.json.RequestViolations;
import com.novabilling.application.port.in.customer.Change;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The customer request records as the REST adapter reads them: {@link JsonRequestReader} (strict parsing, the
 * JSON shape, micronaut-serde binding), the jakarta constraints run by the Micronaut validator (what
 * {@code @Valid} does on the controller), and the domain's rules, merged as the error map merges them. A bean
 * context without a server: no HTTP, no database.
 */
class CustomerRequestsTest {

    private static final TenantId TENANT = new TenantId("default");
    private static final CustomerId CUSTOMER = CustomerId.parse("cust_01jq3v6x9c4m2k8d7f5h1n0p2r").orElseThrow();

    private static ApplicationContext context;
    private static JsonRequestReader<?> reader;
    private static Validator validator;

    @BeforeAll
    static void startContext() {
        context = ApplicationContext.run();
        reader = context.getBean(JsonRequestReader.class);
        validator = context.getBean(Validator.class);
    }

    @AfterAll
    static void stopContext() {
        context.close();
    }

    private static <T extends JsonRequest> T read(Class<T> type, String json) {
        return reader.read(Argument.of(type), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Every broken rule of {@code json}, as the API would list them (shape, constraints, domain). */
    private static List<Violation> violations(Class<? extends JsonRequest> type, String json) {
        JsonRequest request;
        try {
            request = read(type, json);
        } catch (DomainValidationException shapeWrong) {
            return shapeWrong.violations();
        }
        return RequestViolations.merge(List.of(), validator.validate(request), request);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aValidCreateBecomesACommandWithExactNumbersAndCodePointOrderedMetadata() {
        CreateCustomerRequest request = read(CreateCustomerRequest.class, """
                {"email": "sarah@kampaltech.ug", "name": "Nakato Sarah", "externalId": "usr_1", "country": "ug",
                 "currency": "ugx", "status": "inactive",
                 "metadata": {"seats": 5, "price": 1.10, "big": 12345678901234567890.5, "vip": true, "Zed": "z", "a": "x"}}""");

        assertThat(validator.validate(request)).isEmpty();
        CreateCustomerCommand command = request.toCommand(TENANT);
        assertThat(command.email().value()).isEqualTo("sarah@kampaltech.ug");
        assertThat(command.country()).isEqualTo(CountryCode.of("UG"));
        assertThat(command.currency().value()).isEqualTo("UGX");
        Map<String, Object> metadata = command.metadata().asMap();
        assertThat(metadata.keySet()).containsExactly("Zed", "a", "big", "price", "seats", "vip");
        // exact, as the domain keeps numbers: without trailing zeros (1.10 is stored and answered as 1.1)
        assertThat(metadata.get("price")).isEqualTo(new BigDecimal("1.1"));
        assertThat(metadata.get("seats").toString()).isEqualTo("5");
        assertThat(metadata.get("big")).isEqualTo(new BigDecimal("12345678901234567890.5"));
        assertThat(metadata.get("vip")).isEqualTo(true);
    }

    @Test
    void everyViolationOfEveryKindIsReportedAtOnce() {
        List<Violation> violations = violations(CreateCustomerRequest.class, """
                {"email": true, "name": "%s", "externalId": "has space", "country": "XX", "currency": 1.5,
                 "status": "deleted", "metadata": {"nested": {"a": 1}, "ok": 1}, "plan": "gold", "id": "x"}"""
                .formatted("n".repeat(201)));

        assertThat(violations).containsExactlyInAnyOrder(
                new Violation("email", "must be a string"),
                new Violation("currency", "must be a string"),
                new Violation("plan", "unknown field"),
                new Violation("id", "is read-only"),
                new Violation("name", "must be at most 200 characters"),
                new Violation("externalId", "must not contain whitespace"),
                new Violation("country", "must be an ISO 3166-1 alpha-2 country code, like US, UG or NG"),
                new Violation("status", "must be one of: active, inactive"),
                new Violation("metadata.nested", "must be a string, number or boolean"));
    }

    @Test
    void aNameOfEmojiIsMeasuredInCharactersNotUtf16Units() {
        String emoji200 = "\uD83D\uDE00".repeat(200);
        assertThat(violations(CreateCustomerRequest.class,
                "{\"email\": \"a@b.co\", \"name\": \"" + emoji200 + "\"}")).isEmpty();
        assertThat(violations(CreateCustomerRequest.class,
                "{\"email\": \"a@b.co\", \"name\": \"" + emoji200 + "x\"}"))
                .containsExactly(new Violation("name", "must be at most 200 characters"));
    }

    @Test
    void requiredFieldsAreNamedOnceWhetherAbsentOrNull() {
        assertThat(violations(CreateCustomerRequest.class, "{\"email\": null}")).containsExactlyInAnyOrder(
                new Violation("email", "is required"), new Violation("name", "is required"));
    }

    @Test
    void moreThanTwentyUnknownFieldsAreCutAndLongNamesShortened() {
        StringBuilder json = new StringBuilder("{\"email\": \"a@b.co\", \"name\": \"A\", \"")
                .append("k".repeat(100)).append("\": 1");
        for (int i = 0; i < 30; i++) {
            json.append(", \"u").append(i).append("\": 1");
        }
        List<String> fields = fields(violations(CreateCustomerRequest.class, json.append("}").toString()));
        assertThat(fields).hasSize(20);
        assertThat(fields.get(0)).isEqualTo("k".repeat(64) + "...");
        assertThat(fields.subList(1, 20)).allSatisfy(f -> assertThat(f).matches("u\\d+"));
    }

    @Test
    void aPatchTellsAbsentFromNullFromAValue() {
        UpdateCustomerCommand nothing = read(UpdateCustomerRequest.class, "{}").toCommand(TENANT, CUSTOMER);
        assertThat(nothing.changesNothing()).isTrue();

        UpdateCustomerCommand clear = read(UpdateCustomerRequest.class,
                "{\"externalId\": null, \"country\": null, \"metadata\": null}").toCommand(TENANT, CUSTOMER);
        assertThat(clear.externalId()).isEqualTo(Change.clear());
        assertThat(clear.country()).isEqualTo(Change.clear());
        assertThat(clear.metadata()).isEqualTo(Metadata.empty());
        assertThat(clear.email()).isNull();
        assertThat(clear.name()).isNull();

        UpdateCustomerCommand set = read(UpdateCustomerRequest.class,
                "{\"country\": \"ke\", \"name\": \"B\", \"metadata\": {\"n\": 2.50}}").toCommand(TENANT, CUSTOMER);
        assertThat(set.country()).isEqualTo(Change.to(CountryCode.of("KE")));
        assertThat(set.name().value()).isEqualTo("B");
        assertThat(set.metadata().asMap().get("n")).isEqualTo(new BigDecimal("2.5"));
        assertThat(set.externalId()).isNull();
        assertThat(set.email()).isNull();
    }

    @Test
    void aPatchRefusesNullForFieldsACustomerAlwaysHas() {
        UpdateCustomerRequest request = read(UpdateCustomerRequest.class,
                "{\"email\": null, \"name\": null, \"currency\": null, \"status\": null, \"metadata\": null}");
        DomainValidationException refused = catchThrowableOfType(() -> request.toCommand(TENANT, CUSTOMER),
                DomainValidationException.class);
        assertThat(refused.violations()).containsExactlyInAnyOrder(
                new Violation("email", "must not be null"), new Violation("name", "must not be null"),
                new Violation("currency", "must not be null"), new Violation("status", "must not be null"));
    }

    @Test
    void aPatchChecksItsValuesWithTheConstraintsAndTheDomain() {
        assertThat(violations(UpdateCustomerRequest.class, "{\"name\": \"" + "n".repeat(201)
                + "\", \"email\": \"" + "e".repeat(250) + "@b.co\", \"metadata\": {\"big\": 1e400}, \"tenantId\": 1}"))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "email", "metadata.big", "tenantId");
    }

    @Test
    void theConstraintsOfAPatchFieldApplyToItsValue() {
        UpdateCustomerRequest tooLong = new UpdateCustomerRequest(PatchValue.of("e".repeat(300)),
                PatchValue.of("n".repeat(201)), PatchValue.absent(), PatchValue.ofNull(), null, null, null);

        assertThat(validator.validate(tooLong)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("email", "name");
        assertThat(validator.validate(new UpdateCustomerRequest(PatchValue.ofNull(), PatchValue.of("B"), null,
                null, null, null, null))).isEmpty();
    }

    @Test
    void bodiesThatAreNotOneJsonObjectAreMalformed() {
        for (String body : List.of("", " ", "[]", "null", "42", "\"x\"", "{\"name\": \"A\", \"name\": \"B\"}",
                "{\"name\": \"A\"}{}", "{\"name\": ", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000))) {
            assertThatThrownBy(() -> read(UpdateCustomerRequest.class, body)).as(body.length() > 40 ? "deep" : body)
                    .isInstanceOf(MalformedJsonException.class);
        }
    }
}
