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

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00a0", "\u3000", "\u200b", "\u200d\u200f", "\ufeff \u2060", "\u202e"})
    void blankMeansNothingVisible(String s) {
        assertThat(Text.isBlank(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "\u200fa", "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69", "\u0645\u06cc\u200c"})
    void anythingVisibleIsNotBlank(String s) {
        assertThat(Text.isBlank(s)).isFalse();
    }

    @Test
    void detectsInvisibleFormatCharacters() {
        assertThat(Text.hasInvisibleCharacters("ab\u200bc")).isTrue();
        assertThat(Text.hasInvisibleCharacters("\u202eabc")).isTrue();
        assertThat(Text.hasInvisibleCharacters("soft\u00adhyphen")).isTrue();
        assertThat(Text.hasInvisibleCharacters("Zo\u00eb \ud83d\ude00")).isFalse();
    }

    @Test
    void detectsNoBreakSpaceAsWhitespace() {
        assertThat(Text.hasWhitespace("a\u00a0b")).isTrue();
        assertThat(Text.hasWhitespace("ab")).isFalse();
    }

    @Test
    void showsCallersTextWithUnprintablesReplacedAndCutWholeCharacters() {
        assertThat(Text.shown("cust_\u0000\n\u2028x", 64)).isEqualTo("cust_???x");
        assertThat(Text.shown("ab\ud800c", 64)).isEqualTo("ab?c");
        assertThat(Text.shown("\ud83d\ude00\ud83d\ude00\ud83d\ude00", 2)).isEqualTo("\ud83d\ude00\ud83d\ude00...");
        assertThat(Text.shown("abc", 3)).isEqualTo("abc");
        assertThat(Text.shown(null, 3)).isEqualTo("null");
        assertThat(Text.shown("x".repeat(100), Text.SHOWN_ID_LENGTH)).hasSize(Text.SHOWN_ID_LENGTH + 3);
    }

    /**
     * The loops answer what the stream definitions they replaced answered, for every BMP character alone and
     * next to letters, every supplementary character's first 2,000 and some past it, and unpaired surrogates.
     */
    @Test
    void loopsAnswerAsTheCodePointDefinitions() {
        java.util.List<String> samples = new java.util.ArrayList<>();
        for (int cp = 0; cp < 0x10000; cp++) {
            samples.add(String.valueOf((char) cp));
            samples.add("a" + (char) cp + "b");
        }
        for (int cp = 0x10000; cp < 0x10000 + 2_000; cp++) {
            samples.add(new String(Character.toChars(cp)));
        }
        for (int cp : new int[] {0xE0001, 0xE0020, 0x1D173, 0x1F600, 0x10FFFF}) {
            samples.add("x" + new String(Character.toChars(cp)) + " ");
        }
        samples.add("\ud800");
        samples.add("a\udc00 ");
        samples.add("");
        for (String s : samples) {
            assertThat(Text.hasWhitespace(s)).as("hasWhitespace %s", s)
                    .isEqualTo(s.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)));
            assertThat(Text.isBlank(s)).as("isBlank %s", s).isEqualTo(s.codePoints().allMatch(cp ->
                    Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT));
            assertThat(Text.hasInvisibleCharacters(s)).as("hasInvisibleCharacters %s", s)
                    .isEqualTo(s.codePoints().anyMatch(cp -> Character.getType(cp) == Character.FORMAT));
        }
    }
}
