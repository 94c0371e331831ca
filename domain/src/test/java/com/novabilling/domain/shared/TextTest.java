package com.novabilling.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "new\nline", "cr\r", "del\u007f", "c1\u0085", "ls\u2028", "ps\u2029",
            "lone\ud800high", "lone\udc00low", "end\ud83d"})
    void detectsControlCharactersSeparatorsAndUnpairedSurrogates(String s) {
        assertThat(Text.hasControlCharacters(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Zoë Ñandú", "emoji \ud83d\ude00 ok", "日本語", "Ağa"})
    void acceptsOrdinaryTextIncludingPairedSurrogates(String s) {
        assertThat(Text.hasControlCharacters(s)).isFalse();
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(Text.length("\ud83d\ude00\ud83d\ude00")).isEqualTo(2);
    }

    @Test
    void truncateNeverSplitsASurrogatePair() {
        assertThat(Text.truncate("\ud83d\ude00\ud83d\ude00x", 2)).isEqualTo("\ud83d\ude00\ud83d\ude00");
        assertThat(Text.truncate("abc", 5)).isEqualTo("abc");
    }

    @Test
    void detectsNoBreakSpaceAsWhitespace() {
        assertThat(Text.hasWhitespace("a\u00a0b")).isTrue();
        assertThat(Text.hasWhitespace("ab")).isFalse();
    }
}
