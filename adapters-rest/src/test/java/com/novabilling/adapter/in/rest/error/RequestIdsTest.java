package com.novabilling.adapter.in.rest.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void acceptsACallersIdOfUpTo64SafeCharacters() {
        assertThat(RequestIds.accepted("abc-123_X.y")).contains("abc-123_X.y");
        assertThat(RequestIds.accepted("a".repeat(64))).isPresent();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(RequestIds.accepted(null)).isEmpty();
        assertThat(RequestIds.accepted("")).isEmpty();
        assertThat(RequestIds.accepted("a".repeat(65))).isEmpty();
        assertThat(RequestIds.accepted("has space")).isEmpty();
        assertThat(RequestIds.accepted("new\nline")).isEmpty();
        assertThat(RequestIds.accepted("<script>")).isEmpty();
    }

    @Test
    void generatesDistinctPrefixedIds() {
        String one = RequestIds.generate();
        String two = RequestIds.generate();

        assertThat(one).matches("req_[0-9a-z]{26}");
        assertThat(RequestIds.accepted(one)).contains(one);
        assertThat(one).isNotEqualTo(two);
    }
}
