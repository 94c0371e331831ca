package com.novabilling.domain.access;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

    private static final String SECRET = "sk_live_0123456789abcdefghijABCDEFGHIJ0123456789";
    // sha256 of SECRET, computed independently (printf '%s' "$SECRET" | sha256sum)
    private static final String SHA256 = "1c0cf8d9b4a537b67d03bc15774f79df48ddfb924ad3886540c2d18de7787117";

    @Test
    void theHashIsTheSha256OfTheSecretEveryTimeOnEveryThread() throws Exception {
        ApiKeySecret secret = new ApiKeySecret(SECRET);
        assertThat(HexFormat.of().formatHex(secret.sha256())).isEqualTo(SHA256);
        // the per-thread digest is reset after each use: a second hash, and another secret in between, change nothing
        new ApiKeySecret("sk_test_" + "z".repeat(32)).sha256();
        assertThat(HexFormat.of().formatHex(secret.sha256())).isEqualTo(SHA256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<String>> hashes = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                hashes.add(pool.submit(() -> HexFormat.of().formatHex(new ApiKeySecret(SECRET).sha256())));
            }
            for (Future<String> hash : hashes) {
                assertThat(hash.get()).isEqualTo(SHA256);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyWellFormedSecretsParse() {
        assertThat(ApiKeySecret.parse(SECRET)).contains(new ApiKeySecret(SECRET));
        assertThat(ApiKeySecret.parse("sk_live_short")).isEmpty();
        assertThat(ApiKeySecret.parse(null)).isEmpty();
    }

    /** The hand-written check accepts exactly what {@code sk_(live|test)_[0-9A-Za-z]{32,128}} matches. */
    @Test
    void parsesExactlyWhatTheFormatMatches() {
        java.util.regex.Pattern format = java.util.regex.Pattern.compile("sk_(live|test)_[0-9A-Za-z]{32,128}");
        String random32 = "0123456789abcdefghijABCDEFGHIJkl";
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of("", "sk_", "sk_live_",
                "sk_live_" + random32, "sk_test_" + random32, "sk_prod_" + random32, "SK_live_" + random32,
                "sk_live_" + random32.substring(1), "sk_live_" + "a".repeat(128), "sk_live_" + "a".repeat(129),
                "sk_live_" + random32 + "-", "sk_live_" + random32 + "\u00e9", " sk_live_" + random32,
                "sk_live_" + random32 + " ", "sk_live_" + random32.replace('k', '_')));
        for (char c = 0; c < 0x180; c++) {
            samples.add("sk_test_" + random32 + c);
        }
        for (String s : samples) {
            assertThat(ApiKeySecret.parse(s).isPresent()).as(s).isEqualTo(format.matcher(s).matches());
        }
    }
}
