package com.propty.delivery.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(new ResilienceProperties.BackoffProperties(Duration.ofSeconds(5),
            Duration.ofMinutes(10), 2.0, 0.2));

    @Test
    void growsExponentiallyUpToTheCap() {
        assertThat(backoff.delay(1, null, 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(2, null, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(4, null, 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delay(30, null, 0.5)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterSpreadsWithinTheConfiguredFraction() {
        assertThat(backoff.delay(2, null, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(2, null, 0.999999)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
    }

    @Test
    void neverRetriesBeforeTheProvidersRetryAfter() {
        assertThat(backoff.delay(1, Duration.ofSeconds(60), 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(1, Duration.ofSeconds(1), 0.5)).isEqualTo(Duration.ofSeconds(5));
    }
}
