package com.propty.delivery.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderCallMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ProviderCallMeters meters = new ProviderCallMeters(registry);

    @Test
    void everyProviderAndOutcomeExistsAtZeroFromStartUp() {
        assertThat(registry.get(ProviderCallMeters.CALLS).timers()).hasSize(2 * ProviderCallMeters.OUTCOMES.size());
        assertThat(calls("twilio", "in_doubt")).isZero();
    }

    @Test
    void anAnswerIsTimedAndReturned() {
        assertThat(meters.timed(Provider.SENDGRID, () -> "202").get()).isEqualTo("202");

        assertThat(calls("sendgrid", "answered")).isEqualTo(1);
    }

    @Test
    void eachFailureIsCountedUnderItsOutcomeAndStillThrown() {
        assertThatThrownBy(() -> meters.timed(Provider.TWILIO, () -> {
            throw new ProviderUnavailable("503", Duration.ofSeconds(1));
        }).get()).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> meters.timed(Provider.TWILIO, () -> {
            throw new SendInDoubt("read timed out", null);
        }).get()).isInstanceOf(SendInDoubt.class);
        assertThatThrownBy(() -> meters.timed(Provider.TWILIO, () -> {
            throw new IllegalArgumentException("21211");
        }).get()).isInstanceOf(IllegalArgumentException.class);

        assertThat(calls("twilio", "unavailable")).isEqualTo(1);
        assertThat(calls("twilio", "in_doubt")).isEqualTo(1);
        assertThat(calls("twilio", "rejected")).isEqualTo(1);
        assertThat(calls("twilio", "answered")).isZero();
    }

    private long calls(String provider, String outcome) {
        return registry.get(ProviderCallMeters.CALLS).tags("provider", provider, "outcome", outcome).timer().count();
    }
}
