package com.propty.resend.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResendAcceptedTest {

    @Test
    void theMessageSaysHowManyEmailsAndSmsAreResent() {
        assertThat(ResendAccepted.message(12, 3)).isEqualTo("Resending 12 emails and 3 SMS.");
        assertThat(ResendAccepted.message(4, 0)).isEqualTo("Resending 4 emails.");
        assertThat(ResendAccepted.message(1, 0)).isEqualTo("Resending 1 email.");
        assertThat(ResendAccepted.message(0, 1)).isEqualTo("Resending 1 SMS.");
        assertThat(ResendAccepted.message(1, 2)).isEqualTo("Resending 1 email and 2 SMS.");
    }

    @Test
    void theMessageSaysHowManyGoByTheOtherChannel() {
        assertThat(ResendAccepted.message(2, 5, 4)).isEqualTo("Resending 2 emails and 5 SMS, 4 of them by their other channel.");
        assertThat(ResendAccepted.message(0, 3, 3)).isEqualTo("Resending 3 SMS, all of them by their other channel.");
        assertThat(ResendAccepted.message(1, 0, 1)).isEqualTo("Resending 1 email, all by the recipient's other channel.");
        assertThat(ResendAccepted.message(4, 0, 0)).isEqualTo(ResendAccepted.message(4, 0));
    }
}
