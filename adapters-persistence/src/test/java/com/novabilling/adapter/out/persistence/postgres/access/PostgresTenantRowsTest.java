package com.novabilling.adapter.out.persistence.postgres.access;

import com.novabilling.adapter.out.persistence.testing.PostgresAdapters;
import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.novabilling.application.fake.CustomerFixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V9: customers, events and idempotency keys name their tenant without a foreign key, so a create does
 * not lock the tenant's row. What the keys guarded (no such row of a tenant that does not exist) holds because a
 * tenant row is never removed or renamed: the database refuses it, whatever sends the statement.
 */
class PostgresTenantRowsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T16:00:00.123Z");
    private static final String RESTRICT_VIOLATION = "23001";
    @RegisterExtension
    static final PostgresAdapters postgres = PostgresAdapters.perTestClass();

    private final SecureRandom random = new SecureRandom();

    private static TenantId newTenant() {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        postgres.tenants().insertIfAbsent(Tenant.open(id, "Tenant " + id.value(), CurrencyCode.USD, T0));
        return id;
    }

    private Customer createWithEvent(TenantId tenant) {
        Customer customer = aCustomer().in(tenant).build();
        EventId id = EventId.generate(T0, random);
        postgres.customers().insertCreated(customer, new Event(id, tenant, EventType.CUSTOMER_CREATED, T0,
                "{\"id\":\"" + id + "\",\"data\":{\"object\":{\"id\":\"" + customer.id() + "\"}}}"));
        return customer;
    }

    private static void saveKey(TenantId tenant, String key) {
        postgres.inTransaction(() -> {
            postgres.idempotency().save(new IdempotencyRecord(tenant, new IdempotencyKey(key), "fp",
                    new StoredResponse(201, "application/json", "{}".getBytes(StandardCharsets.UTF_8), null), T0),
                    T0.minusSeconds(1));
            return null;
        });
    }

    private static long count(String sql, TenantId tenant) {
        return postgres.sql().query(sql, List.of(tenant.value()), rs -> rs.getLong(1)).get(0);
    }

    private static boolean tenantExists(TenantId tenant) {
        return count("SELECT count(*) FROM tenants WHERE id = ?", tenant) == 1;
    }

    /** The SQLSTATE of the first {@link SQLException} in the chain. */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        return null;
    }

    @Test
    void aTenantIsNeverDeletedWithItsRowsOrWithout() {
        TenantId used = newTenant();
        TenantId empty = newTenant();
        createWithEvent(used);
        saveKey(used, "k-1");

        for (TenantId tenant : List.of(used, empty)) {
            assertThatThrownBy(() -> postgres.sql().update("DELETE FROM tenants WHERE id = ?", List.of(tenant.value())))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo(RESTRICT_VIOLATION))
                    .hasStackTraceContaining("a tenant is never removed or renamed (delete of " + tenant.value() + ")");
            assertThat(tenantExists(tenant)).isTrue();
        }
        assertThat(count("SELECT count(*) FROM customers WHERE tenant_id = ?", used)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM events WHERE tenant_id = ?", used)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", used)).isEqualTo(1);
    }

    @Test
    void aTenantsIdIsNeverChangedButItsOtherColumnsAre() {
        TenantId tenant = newTenant();
        createWithEvent(tenant);
        String renamed = tenant.value() + "x";

        assertThatThrownBy(() -> postgres.sql().update("UPDATE tenants SET id = ? WHERE id = ?", List.of(renamed, tenant.value())))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(RESTRICT_VIOLATION))
                .hasStackTraceContaining("change of id of " + tenant.value());
        assertThat(tenantExists(tenant)).isTrue();
        assertThat(tenantExists(new TenantId(renamed))).isFalse();

        // the same id written again, and the columns the service does change, are not a rename
        assertThat(postgres.sql().update("UPDATE tenants SET id = id, name = 'Renamed' WHERE id = ?", List.of(tenant.value())))
                .isEqualTo(1);
        assertThat(postgres.tenants().updateRateLimit(tenant, new RateLimit(7, 9))).isTrue();
        assertThat(postgres.tenants().find(tenant)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("Renamed");
            assertThat(t.rateLimit()).contains(new RateLimit(7, 9));
        });
    }

    @Test
    void tenantsIsNeverTruncatedEvenWithCascade() {
        TenantId tenant = newTenant();
        createWithEvent(tenant);

        assertThatThrownBy(() -> postgres.sql().update("TRUNCATE tenants CASCADE", List.of()))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(RESTRICT_VIOLATION))
                .hasStackTraceContaining("truncate of tenants");
        assertThat(tenantExists(tenant)).isTrue();
        assertThat(count("SELECT count(*) FROM customers WHERE tenant_id = ?", tenant)).isEqualTo(1);
    }

    /**
     * The point of V9: a create (customer and event) and an idempotency key's record take no lock on their tenant's
     * row. With a foreign key to tenants, each would wait for the transaction holding the row FOR UPDATE here (a
     * key-share lock conflicts with it), so the bound below would pass and the test fail.
     */
    @Test
    void aCreateAndAnIdempotencyKeyDoNotWaitForALockOnTheirTenantsRow() {
        TenantId tenant = newTenant();

        Customer created = postgres.inTransaction(() -> {
            assertThat(postgres.sql().query("SELECT id FROM tenants WHERE id = ? FOR UPDATE", List.of(tenant.value()),
                    rs -> rs.getString(1))).containsExactly(tenant.value());
            CompletableFuture<Customer> create = CompletableFuture.supplyAsync(() -> {
                Customer customer = createWithEvent(tenant);
                saveKey(tenant, "while-locked");
                return customer;
            });
            try {
                return create.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the create waited for its tenant's row (or failed)", e);
            }
        });

        assertThat(postgres.customers().findForUpdate(tenant, created.id())).isPresent();
        assertThat(count("SELECT count(*) FROM events WHERE tenant_id = ?", tenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", tenant)).isEqualTo(1);
    }
}
