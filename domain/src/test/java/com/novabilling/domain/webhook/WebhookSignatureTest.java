package com.novabilling.domain.webhook;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private static final String BODY = "{\"id\":\"evt_01\",\"name\":\"Nakato 😀\"}";

    @Test
    void signsTimestampDotBodyWithHmacSha256Hex() {
        // the RFC 4231 test case 2 key and data, as a known answer
        assertThat(WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        String header = WebhookSignature.header(new WebhookSecret(SECRET), 1_740_823_200L, BODY);
        assertThat(header).isEqualTo("t=1740823200,v1=" + WebhookSignature.hmacHex(SECRET, "1740823200." + BODY));
    }

    @Test
    void verifiesWithinTheToleranceOnlyAndOnlyTheExactBodyAndSecret() {
        String header = WebhookSignature.header(new WebhookSecret(SECRET), 1_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_000L + 300, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_000L - 300, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_000L + 301, 300)).as("replayed late").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", header, BODY, 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1000000", "t=1000001"), BODY, 1_000_000L, 300))
                .as("the timestamp is signed too").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=00,t=1000000," + header.substring(header.indexOf("v1=")), BODY,
                1_000_000L, 300)).as("any v1 may match").isTrue();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, 1_000_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, 1_000_000L, 300)).isFalse();
    }

    @Test
    void secretsAreLongRandomAndNeverPrinted() {
        Random random = new Random(1);
        WebhookSecret a = WebhookSecret.generate(random);
        WebhookSecret b = WebhookSecret.generate(random);

        assertThat(a.value()).matches("whsec_[0-9A-Za-z]{40}");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toString()).doesNotContain(a.value().substring(6));
    }
}
