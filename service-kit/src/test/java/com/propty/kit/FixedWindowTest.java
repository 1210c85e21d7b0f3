package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowTest {

    final FixedWindow perMinute = new FixedWindow(3, Duration.ofMinutes(1));

    @Test
    void windowsAreAlignedOnTheEpochSoEveryInstanceAgrees() {
        Instant a = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(perMinute.index(a)).isEqualTo(perMinute.index(a.plusSeconds(59)));
        assertThat(perMinute.index(a.plusSeconds(60))).isEqualTo(perMinute.index(a) + 1);
        assertThat(perMinute.end(a.plusSeconds(10))).isEqualTo(Instant.parse("2026-12-02T10:01:00Z"));
    }

    @Test
    void retryAfterIsTheWholeSecondsToTheNextWindowAndNeverZero() {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(perMinute.retryAfterSeconds(start)).isEqualTo(60);
        assertThat(perMinute.retryAfterSeconds(start.plusMillis(59_500))).isEqualTo(1);
        assertThat(perMinute.retryAfterSeconds(start.plusMillis(20_001))).isEqualTo(40);
    }

    @Test
    void allowsUpToTheLimit() {
        assertThat(perMinute.allows(3)).isTrue();
        assertThat(perMinute.allows(4)).isFalse();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new FixedWindow(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedWindow(1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
