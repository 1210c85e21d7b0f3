package com.propty.delivery.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransientStatusTest {

    @Test
    void throttlingFailingProvidersAndRefusedCredentialsAreWorthTryingLater() {
        for (int status : new int[] {401, 403, 429, 500, 502, 503, 504}) {
            assertThat(TransientStatus.of(status)).as("HTTP %d", status).isTrue();
        }
    }

    @Test
    void anAnswerAboutTheMessageIsFinalForThatAttempt() {
        for (int status : new int[] {200, 202, 400, 404, 409, 413, 422}) {
            assertThat(TransientStatus.of(status)).as("HTTP %d", status).isFalse();
        }
    }
}
