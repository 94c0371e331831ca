package com.novabilling.domain.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code NovaBilling-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}.
 * The timestamp is signed with the body, so a receiver that checks it against its own clock (5 minutes of
 * tolerance) refuses a replayed delivery.
 */
public final class WebhookSignature {

    public static final String HEADER = "NovaBilling-Signature";

    private WebhookSignature() {
    }

    public static String header(WebhookSecret secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret.value(), unixSeconds + "." + body);
    }

    /** Lower-case hex of HMAC-SHA256 over the UTF-8 bytes of {@code payload}, keyed by the UTF-8 bytes of {@code key}. */
    public static String hmacHex(String key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * What a receiver does: true when {@code header} carries a {@code v1} signature of {@code body} by
     * {@code secret} and its {@code t} is within {@code toleranceSeconds} of {@code nowUnixSeconds}.
     */
    public static boolean verify(String secret, String header, String body, long nowUnixSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || Math.abs(nowUnixSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = hmacHex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        return signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
    }
}
