package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void aPercentEncodedNameIsDecodedAsUtf8() {
        assertThat(Caller.decodeName("Zo%C3%A9%20%C5%81ukasz%20%E7%8E%8B%E8%8A%B3")).isEqualTo("Zoé Łukasz 王芳");
    }

    @Test
    void aPlainOrMalformedNameIsTakenAsItIs() {
        assertThat(Caller.decodeName("Marie Manager")).isEqualTo("Marie Manager");
        assertThat(Caller.decodeName("Ann+Bob")).isEqualTo("Ann+Bob");
        assertThat(Caller.decodeName("100% sure")).isEqualTo("100% sure");
        assertThat(Caller.decodeName(null)).isNull();
    }
}
