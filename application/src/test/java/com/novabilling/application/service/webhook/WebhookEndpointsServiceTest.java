package com.novabilling.application.service.webhook;

import com.novabilling.application.fake.FakeAddressResolver;
import com.novabilling.application.fake.InMemoryEvents;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.in.webhook.CreateWebhookEndpointCommand;
import com.novabilling.application.port.in.webhook.UpdateWebhookEndpointCommand;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.DestinationPolicy;
import com.novabilling.domain.webhook.EventSelection;
import com.novabilling.domain.webhook.WebhookEndpoint;
import com.novabilling.domain.webhook.WebhookEndpointLimitException;
import com.novabilling.domain.webhook.WebhookEndpointNotFoundException;
import com.novabilling.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WebhookEndpointsServiceTest {

    private final TenantId tenant = new TenantId("ten_kampaltech");
    private final TenantId otherTenant = new TenantId("ten_lagosfoods");
    private final InMemoryEvents store = new InMemoryEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final FakeAddressResolver dns = new FakeAddressResolver()
            .answer("hooks.example.com", "93.184.216.34")
            .answer("rebind.example.com", "93.184.216.34", "169.254.169.254")
            .answer("internal.example.com", "10.0.0.5");
    private final WebhookEndpointsService service = new WebhookEndpointsService(store, store,
            new DestinationCheck(new DestinationPolicy(false), dns), clock, new Random(3));

    private WebhookEndpoint create(String url) {
        return service.create(new CreateWebhookEndpointCommand(tenant, new WebhookUrl(url),
                EventSelection.everything(), "ERP sync"));
    }

    @Test
    void createsAnEnabledEndpointWithANewSecret() {
        WebhookEndpoint endpoint = create("https://hooks.example.com/novabilling");
        WebhookEndpoint other = create("https://hooks.example.com/other");

        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.secret().value()).startsWith("whsec_").hasSize(46);
        assertThat(endpoint.secret()).isNotEqualTo(other.secret());
        assertThat(endpoint.description()).contains("ERP sync");
        assertThat(service.get(tenant, endpoint.id()).url().value()).isEqualTo("https://hooks.example.com/novabilling");
        assertThat(service.list(tenant)).extracting(WebhookEndpoint::id).containsExactly(other.id(), endpoint.id());
    }

    @Test
    void refusesPrivateLoopbackMetadataAndPlainHttpDestinations() {
        for (String url : new String[] {"http://hooks.example.com/x", "https://127.0.0.1/x", "https://169.254.169.254/",
                "https://[::1]/x", "https://[fd00:ec2::254]/", "https://10.1.2.3/", "https://100.64.0.1/",
                "https://internal.example.com/x", "https://rebind.example.com/x", "https://nowhere.example.com/x",
                "https://localhost/x", "https://2130706433/"}) {
            DomainValidationException refused = catchThrowableOfType(() -> create(url), DomainValidationException.class);
            assertThat(refused).as(url).isNotNull();
            assertThat(refused.violations().get(0).field()).isEqualTo("url");
        }
        assertThat(store.endpoints).isEmpty();
    }

    @Test
    void allowsPrivateNetworksAndHttpWhenConfigured() {
        WebhookEndpointsService dev = new WebhookEndpointsService(store, store,
                new DestinationCheck(new DestinationPolicy(true), dns), clock, new Random(3));

        WebhookEndpoint local = dev.create(new CreateWebhookEndpointCommand(tenant, new WebhookUrl("http://127.0.0.1:3141/h"),
                EventSelection.everything(), null));

        assertThat(local.url().value()).isEqualTo("http://127.0.0.1:3141/h");
    }

    @Test
    void boundsTheNumberOfEndpointsPerTenant() {
        for (int i = 0; i < WebhookEndpointsService.MAX_ENDPOINTS_PER_TENANT; i++) {
            create("https://hooks.example.com/" + i);
        }
        assertThatThrownBy(() -> create("https://hooks.example.com/one-more"))
                .isInstanceOf(WebhookEndpointLimitException.class);
    }

    @Test
    void updatesOnlyTheGivenFieldsAndChecksANewUrl() {
        WebhookEndpoint endpoint = create("https://hooks.example.com/a");
        clock.advance(Duration.ofMinutes(1));

        WebhookEndpoint updated = service.update(new UpdateWebhookEndpointCommand(tenant, endpoint.id(), null,
                EventSelection.of(EventType.CUSTOMER_DELETED), Optional.empty(), false));

        assertThat(updated.url().value()).isEqualTo("https://hooks.example.com/a");
        assertThat(updated.events().wireNames()).containsExactly("customer.deleted");
        assertThat(updated.description()).isEmpty();
        assertThat(updated.enabled()).isFalse();
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> service.update(new UpdateWebhookEndpointCommand(tenant, endpoint.id(),
                new WebhookUrl("https://169.254.169.254/"), null, null, null)))
                .isInstanceOf(DomainValidationException.class);
        assertThat(service.get(tenant, endpoint.id()).url().value()).isEqualTo("https://hooks.example.com/a");
    }

    @Test
    void rotatingIssuesANewSecret() {
        WebhookEndpoint endpoint = create("https://hooks.example.com/a");
        String old = endpoint.secret().value();

        String rotated = service.rotate(tenant, endpoint.id()).secret().value();

        assertThat(rotated).isNotEqualTo(old).startsWith("whsec_");
        assertThat(store.savedSecrets.get(endpoint.id().value())).as("written through the port").isEqualTo(rotated);
    }

    @Test
    void anotherTenantsEndpointIsNotFoundForAnyOperation() {
        WebhookEndpoint endpoint = create("https://hooks.example.com/a");

        assertThatThrownBy(() -> service.get(otherTenant, endpoint.id())).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.rotate(otherTenant, endpoint.id())).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.update(new UpdateWebhookEndpointCommand(otherTenant, endpoint.id(), null, null,
                null, false))).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.delete(otherTenant, endpoint.id())).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.list(otherTenant, endpoint.id(), null, 10))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThat(service.delete(tenant, endpoint.id()).id()).isEqualTo(endpoint.id());
        assertThat(service.list(tenant)).isEmpty();
    }
}
