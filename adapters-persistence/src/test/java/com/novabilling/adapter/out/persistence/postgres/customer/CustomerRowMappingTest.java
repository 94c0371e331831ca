package com.novabilling.adapter.out.persistence.postgres.customer;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows read back on a real PostgreSQL through the trusted mapping ({@link MetadataJson#read},
 * {@link Metadata#trusted}): rows written by SQL, not by the app, so the text PostgreSQL hands back (jsonb's own
 * key order and number text, timestamptz in the session's zone) is what is mapped. The app's own writes and reads
 * (every field, key order, exact decimals, unicode) are the store contract ({@code PostgresCustomerStoreContractTest}).
 */
class CustomerRowMappingTest {

    private static final TenantId TENANT = new TenantId("mapping");
    private static final Random RANDOM = new Random(15);
    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    @BeforeAll
    static void start() {
        postgres.tenants().insertIfAbsent(Tenant.open(TENANT, "Mapping", CurrencyCode.USD, Instant.now()));
    }

    private static CustomerId row(String metadataJson, String createdAt, String updatedAt) {
        CustomerId id = CustomerId.generate(Instant.now(), RANDOM);
        postgres.sql().update("INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status,"
                + " metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'UG', 'UGX', 'inactive', ?::jsonb,"
                + " ?::timestamptz, ?::timestamptz)", List.of(TENANT.value(), id.value(), "ext-" + id.value(),
                id.value() + "@kampaltech.ug", "Nakato \uD83D\uDE00 Zo\u00eb", metadataJson, createdAt, updatedAt));
        return id;
    }

    private static Customer read(CustomerId id) {
        return postgres.readModel().findView(TENANT, id).orElseThrow().customer();
    }

    @Test
    void metadataComesBackInCodePointOrderWithExactNumbersWhateverOrderJsonbKeeps() {
        CustomerId id = row("{\"zeta\": \"z\", \"Alpha\": true, \"off\": false, \"ratio\": 1.50, \"whole\": 1000,"
                + " \"big\": 123456789012345678901234567890, \"fine\": 1234567890.12345678901234567891,"
                + " \"tiny\": 0.00000000000000000001, \"neg\": -42.5, \"\u00e9t\u00e9\": \"\u00e9\","
                + " \"\uD83D\uDE00\": \"say \\\"hi\\\" \\\\ \\u00e9\", \"\uFB01\": \"\"}",
                "2025-03-01 10:00:00.123+00", "2025-03-02 13:12:13.456+03");

        Customer customer = read(id);

        assertThat(List.copyOf(customer.metadata().asMap().keySet())).containsExactly("Alpha", "big", "fine", "neg",
                "off", "ratio", "tiny", "whole", "zeta", "\u00e9t\u00e9", "\uFB01", "\uD83D\uDE00");
        Map<String, Object> values = customer.metadata().asMap();
        assertThat(values.get("ratio")).isEqualTo(new BigDecimal("1.5"));
        assertThat(values.get("whole")).isEqualTo(new BigDecimal("1000"));
        assertThat(values.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(values.get("fine")).isEqualTo(new BigDecimal("1234567890.12345678901234567891"));
        assertThat(values.get("tiny")).isEqualTo(new BigDecimal("0.00000000000000000001"));
        assertThat(values.get("neg")).isEqualTo(new BigDecimal("-42.5"));
        assertThat(values.get("Alpha")).isEqualTo(true);
        assertThat(values.get("off")).isEqualTo(false);
        assertThat(values.get("\uD83D\uDE00")).isEqualTo("say \"hi\" \\ \u00e9");
        assertThat(values.get("\uFB01")).isEqualTo("");
        assertThat(customer.metadata()).isEqualTo(Metadata.of(values));
        assertThat(customer.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2025-03-02T10:12:13.456Z"));
        assertThat(customer.name().value()).isEqualTo("Nakato \uD83D\uDE00 Zo\u00eb");
        assertThat(customer.email().value()).isEqualTo(id.value() + "@kampaltech.ug");
        assertThat(customer.externalId().orElseThrow().value()).isEqualTo("ext-" + id.value());
        assertThat(customer.country().orElseThrow().value()).isEqualTo("UG");
        assertThat(customer.status().wireName()).isEqualTo("inactive");
    }

    @Test
    void emptyMetadataIsTheEmptyMetadata() {
        assertThat(read(row("{}", "2025-03-01 10:00:00+00", "2025-03-01 10:00:00+00")).metadata())
                .isSameAs(Metadata.empty());
    }

    /** Values this service never writes (objects, arrays, null) take the checked path and are refused as before. */
    @Test
    void valuesThisServiceNeverWritesAreStillRefused() {
        for (String metadata : List.of("{\"plan\": {\"tier\": \"gold\"}}", "{\"seats\": [1, 2]}", "{\"gone\": null}")) {
            CustomerId id = row(metadata, "2025-03-01 10:00:00+00", "2025-03-01 10:00:00+00");
            assertThatThrownBy(() -> read(id)).as(metadata).isInstanceOf(DomainValidationException.class);
        }
    }

    @Test
    void theStreamingReadAgreesWithTheCheckedRead() {
        for (String json : List.of("{}", "{\"a\": 1}", "{\"b\": \"x\", \"a\": 2.50, \"c\": true}",
                "{\"\u00e9\": \"\\u00e8\"}", "{\"n\": -0.0}", "{\"n\": 1e3}")) {
            assertThat(MetadataJson.read(json)).as(json).isEqualTo(MetadataJson.readChecked(json));
            assertThat(List.copyOf(MetadataJson.read(json).asMap().keySet())).as(json)
                    .isEqualTo(List.copyOf(MetadataJson.readChecked(json).asMap().keySet()));
        }
    }
}
