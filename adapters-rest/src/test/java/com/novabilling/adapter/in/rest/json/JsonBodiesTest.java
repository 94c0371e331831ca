package com.novabilling.adapter.in.rest.json;

import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private static JsonNode parse(String text) {
        return JsonBodies.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnObjectKeepingDecimalsExact() {
        JsonNode tree = parse("{\"a\": 12345678901234567890.123456789, \"b\": 99999999999999999999, \"c\": [true, null]}");

        assertThat(tree.isObject()).isTrue();
        assertThat(tree.get("a").getNumberValue()).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(tree.get("b").getBigIntegerValue()).hasToString("99999999999999999999");
        assertThat(tree.get("c").get(0).getBooleanValue()).isTrue();
        assertThat(tree.get("c").get(1).isNull()).isTrue();
    }

    @Test
    void anEmptyBodyIsNoTree() {
        assertThat(JsonBodies.parse(null)).isNull();
        assertThat(JsonBodies.parse(new byte[0])).isNull();
        assertThat(parse(" \n ")).isNull();
    }

    @Test
    void refusesBrokenJsonSayingWhere() {
        assertThatThrownBy(() -> parse("{\"email\": "))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("The request body is not valid JSON (line 1, column ");
    }

    @Test
    void refusesContentAfterTheValue() {
        assertThatThrownBy(() -> parse("{} {}"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("The request body must hold a single JSON value");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> parse("{\"email\": \"a@x.io\", \"email\": \"b@x.io\"}"))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("The request body has the same field twice");
    }

    @Test
    void refusesInvalidUtf8AndNonStandardJson() {
        assertThatThrownBy(() -> JsonBodies.parse(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}))
                .isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> parse("{'a': 1}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> parse("{\"a\": NaN}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> parse("{\"a\": 1,}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> parse("{\"a\": \"raw\u0001control\"}")).isInstanceOf(MalformedJsonException.class);
    }
}
