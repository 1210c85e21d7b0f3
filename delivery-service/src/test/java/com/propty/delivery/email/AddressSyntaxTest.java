package com.propty.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "a.b+tag@mail.example.co.uk", "o'neil@example.com",
            "x_y-z!#$%&*/=?^`{|}~@example.com", "r12@bounce.example", "someone@invalid.example", "a@b.io",
            "marie@exemple.québec", "user@xn--80ak6aa92e.com", "a@sub-domain.example"})
    void anAddressSendGridCanParseIsSendable(String address) {
        assertThat(AddressSyntax.sendable(address)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "plain", "@example.com", "ann@", "ann@@example.com", "a@b@example.com",
            "ann@localhost", "ann @example.com", " ann@example.com", "ann@example.com ", "\"ann\"@example.com",
            ".ann@example.com", "ann.@example.com", "an..n@example.com", "ann@example..com", "ann@.example.com",
            "ann@example.com.", "ann@-example.com", "ann@example-.com", "ann@exa_mple.com", "ann@[192.0.2.1]",
            "ann@192.0.2.1", "anné@example.com", "ann(comment)@example.com", "ann@example.c\u00a0m",
            "ann,bob@example.com", "ann\n@example.com"})
    void aMalformedAddressIsNotSendable(String address) {
        assertThat(AddressSyntax.sendable(address)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theLengthLimitsAreThoseOfAnSmtpAddress() {
        String local64 = "a".repeat(64);
        assertThat(AddressSyntax.sendable(local64 + "@example.com")).isTrue();
        assertThat(AddressSyntax.sendable(local64 + "a@example.com")).isFalse();
        assertThat(AddressSyntax.sendable("a@" + "b".repeat(63) + ".com")).isTrue();
        assertThat(AddressSyntax.sendable("a@" + "b".repeat(64) + ".com")).isFalse();
        assertThat(AddressSyntax.sendable("a@" + ("b".repeat(62) + ".").repeat(4) + "com")).isFalse();
    }
}
