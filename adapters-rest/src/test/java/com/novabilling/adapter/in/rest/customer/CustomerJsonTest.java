package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CustomerJson} writes exactly the text the records' {@code @Serdeable} mapping wrote before it: many random
 * customers and pages (metadata of every value kind, nulls, escapes, unicode beyond the BMP, large and tiny amounts)
 * are written both ways with the application's {@link JsonMapper} and compared as text, bytes and trees. The old
 * way is {@link Introspected} and {@link IntrospectedList}: records with the same components, mapped by
 * micronaut-serde's introspection as {@link CustomerResponse} was.
 */
class CustomerJsonTest {

    private static final String[] STRINGS = {"", "a", "Nakato Sarah", "quote \" backslash \\ slash /",
        "tab\tnew\nline\r\u0000\u001f\u007f", "é ü ß ñ", "Ɔkɔm", "日本語", "😀🇺🇬", "\u2028\u2029", "<script>&amp;</script>",
        "x".repeat(500)};

    private static ApplicationContext context;
    private static JsonMapper json;

    @BeforeAll
    static void startContext() {
        context = ApplicationContext.run();
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stopContext() {
        context.close();
    }

    @Test
    void theApplicationsMapperWritesCustomersAndPagesWithIt() throws Exception {
        SerdeRegistry registry = context.getBean(SerdeRegistry.class);
        assertThat(registry.findSerializer(Argument.of(CustomerResponse.class)))
                .isInstanceOf(CustomerJson.CustomerResponseSerializer.class);
        assertThat(registry.findSerializer(Argument.of(CustomerListResponse.class)))
                .isInstanceOf(CustomerJson.CustomerListResponseSerializer.class);
    }

    @Test
    void theReferenceRecordsHaveTheResponsesComponents() {
        assertThat(components(Introspected.class)).isEqualTo(components(CustomerResponse.class));
        assertThat(components(IntrospectedList.class).replace(Introspected.class.getName(), CustomerResponse.class.getName()))
                .isEqualTo(components(CustomerListResponse.class));
    }

    @Test
    void writesEveryCustomerAsTheIntrospectedMappingDid() throws IOException {
        Random random = new Random(15);
        for (int i = 0; i < 3000; i++) {
            CustomerResponse customer = i % 2 == 0 ? fromDomain(random) : anyRecord(random);
            assertSame(customer, Introspected.of(customer));
        }
    }

    @Test
    void writesEveryPageAsTheIntrospectedMappingDid() throws IOException {
        Random random = new Random(16);
        for (int i = 0; i < 300; i++) {
            List<CustomerResponse> data = new ArrayList<>();
            int rows = random.nextInt(26);
            for (int r = 0; r < rows; r++) {
                data.add(random.nextBoolean() ? fromDomain(random) : anyRecord(random));
            }
            CustomerListResponse page = new CustomerListResponse(data, random.nextLong() >>> 1,
                    1 + random.nextInt(Integer.MAX_VALUE), 1 + random.nextInt(100), random.nextLong() >>> 1,
                    random.nextBoolean());
            assertSame(page, new IntrospectedList(data.stream().map(Introspected::of).toList(), page.total(), page.page(),
                    page.limit(), page.totalPages(), page.hasMore()));
        }
    }

    @Test
    void writesAnEmptyPageAndACustomerWithoutOptionalFields() throws IOException {
        CustomerResponse bare = new CustomerResponse("cust_1", null, "a@b.co", "A", null, "USD", "active", Map.of(),
                BigDecimal.ZERO, 0, "2025-03-01T10:00:00.000Z", "2025-03-01T10:00:00.000Z");
        assertThat(json.writeValueAsString(bare)).isEqualTo("{\"id\":\"cust_1\",\"externalId\":null,\"email\":\"a@b.co\","
                + "\"name\":\"A\",\"country\":null,\"currency\":\"USD\",\"status\":\"active\",\"metadata\":{},\"totalSpent\":0,"
                + "\"activeSubscriptions\":0,\"createdAt\":\"2025-03-01T10:00:00.000Z\",\"updatedAt\":\"2025-03-01T10:00:00.000Z\"}");
        assertSame(bare, Introspected.of(bare));
        CustomerListResponse empty = new CustomerListResponse(List.of(), 0, 1, 20, 0, false);
        assertThat(json.writeValueAsString(empty))
                .isEqualTo("{\"data\":[],\"total\":0,\"page\":1,\"limit\":20,\"totalPages\":0,\"hasMore\":false}");
        assertSame(empty, new IntrospectedList(List.of(), 0, 1, 20, 0, false));
    }

    private static void assertSame(Object mine, Object reference) throws IOException {
        String expected = json.writeValueAsString(reference);
        assertThat(json.writeValueAsString(mine)).isEqualTo(expected);
        assertThat(new String(json.writeValueAsBytes(mine), StandardCharsets.UTF_8)).isEqualTo(expected);
        // the tree (EventDocuments' previousAttributes) holds the same values
        assertThat(json.writeValueAsString(json.writeValueToTree(mine)))
                .isEqualTo(json.writeValueAsString(json.writeValueToTree(reference)));
    }

    private static String components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getGenericType().getTypeName())
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    /** A customer as the service builds one: domain values (validated metadata, exact amounts), then the response. */
    private static CustomerResponse fromDomain(Random random) {
        Instant created = Instant.ofEpochMilli(random.nextLong(0, 253_402_300_799_999L))
                .plusNanos(random.nextInt(1_000_000));
        Instant updated = random.nextBoolean() ? created : created.plusMillis(random.nextInt(1_000_000_000));
        Customer customer = Customer.restore(CustomerId.generate(created, random), new TenantId("t1"),
                Email.of("user" + random.nextInt(1_000_000) + "@example.com"),
                CustomerName.of(pick(random, "Nakato Sarah", "Ɔkɔm Ama", "李 小龍", "O'Brien \"Jo\"", "Zoë 😀")),
                random.nextBoolean() ? ExternalId.of("usr_" + random.nextInt(1_000_000)) : null,
                random.nextBoolean() ? CountryCode.of(pick(random, "UG", "KE", "NG", "US")) : null,
                CurrencyCode.of(pick(random, "UGX", "KES", "USD", "EUR")),
                random.nextInt(10) == 0 ? CustomerStatus.INACTIVE : CustomerStatus.ACTIVE,
                random.nextBoolean() ? Metadata.of(rawMetadata(random)) : Metadata.trusted(storedMetadata(random)),
                created, updated);
        return CustomerResponse.from(new CustomerView(customer, new Money(amount(random), CurrencyCode.of("UGX")),
                random.nextInt(5)));
    }

    /** A response record with any values, also ones the domain never makes (nulls, other number types). */
    private static CustomerResponse anyRecord(Random random) {
        Map<String, Object> metadata = null;
        if (random.nextInt(10) > 0) {
            metadata = new LinkedHashMap<>();
            int keys = random.nextInt(8);
            for (int k = 0; k < keys; k++) {
                Object value = switch (random.nextInt(10)) {
                    case 0 -> random.nextInt();
                    case 1 -> random.nextLong();
                    case 2 -> random.nextDouble() * 1e6;
                    case 3 -> new BigInteger(100, random);
                    case 4 -> random.nextBoolean();
                    case 5, 6 -> amount(random);
                    default -> pick(random, STRINGS);
                };
                metadata.put(pick(random, STRINGS) + k, value);
            }
        }
        return new CustomerResponse(nullable(random, "cust_" + random.nextInt()), nullable(random, pick(random, STRINGS)),
                nullable(random, pick(random, STRINGS)), nullable(random, pick(random, STRINGS)),
                nullable(random, "UG"), nullable(random, "UGX"), nullable(random, "active"), metadata,
                random.nextInt(10) == 0 ? null : amount(random), random.nextLong(),
                nullable(random, "2025-03-01T10:00:00.000Z"), nullable(random, "9999-12-31T23:59:59.999Z"));
    }

    private static Map<String, Object> rawMetadata(Random random) {
        Map<String, Object> raw = new LinkedHashMap<>();
        int keys = random.nextInt(4) == 0 ? 0 : random.nextInt(Metadata.MAX_KEYS + 1);
        for (int k = 0; k < keys; k++) {
            String key = pick(random, "plan", "Plan", "é", "😀", "tier", "a b", "\"q\"", "back\\slash", "日本") + k;
            raw.put(key, switch (random.nextInt(8)) {
                case 0 -> random.nextInt();
                case 1 -> random.nextLong();
                case 2 -> Math.round(random.nextDouble() * 1e8) / 100.0;
                case 3 -> random.nextBoolean();
                case 4 -> new BigDecimal(new BigInteger(1 + random.nextInt(90), random), random.nextInt(15));
                case 5 -> new BigDecimal(BigInteger.valueOf(random.nextInt(1000)), -random.nextInt(20));
                default -> pick(random, "", "basic", "pro \"plus\"", "Ɔkɔm", "😀", "</tag>", "x".repeat(500));
            });
        }
        return raw;
    }

    private static Map<String, Object> storedMetadata(Random random) {
        Map<String, Object> stored = new LinkedHashMap<>();
        int keys = pick(random, 0, 4, 6);
        for (int k = 0; k < keys; k++) {
            stored.put("key" + k, switch (random.nextInt(3)) {
                case 0 -> amount(random);
                case 1 -> random.nextBoolean();
                default -> pick(random, STRINGS);
            });
        }
        return stored;
    }

    /** Amounts from 0 to 30 digits, scales -5 to 20: plain, with trailing zeros, with an exponent. */
    private static BigDecimal amount(Random random) {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(99), random);
        BigDecimal amount = new BigDecimal(random.nextInt(5) == 0 ? unscaled.negate() : unscaled, random.nextInt(26) - 5);
        return random.nextBoolean() ? CustomerResponse.plain(amount) : amount;
    }

    private static String nullable(Random random, String value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** {@link CustomerResponse} as micronaut-serde's introspection maps it (the mapping before {@link CustomerJson}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Introspected(String id, String externalId, String email, String name, String country, String currency,
                        String status, Map<String, Object> metadata, BigDecimal totalSpent, long activeSubscriptions,
                        String createdAt, String updatedAt) {

        static Introspected of(CustomerResponse c) {
            return new Introspected(c.id(), c.externalId(), c.email(), c.name(), c.country(), c.currency(), c.status(),
                    c.metadata(), c.totalSpent(), c.activeSubscriptions(), c.createdAt(), c.updatedAt());
        }
    }

    /** {@link CustomerListResponse} as micronaut-serde's introspection maps it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IntrospectedList(List<Introspected> data, long total, int page, int limit, long totalPages, boolean hasMore) {
    }
}
