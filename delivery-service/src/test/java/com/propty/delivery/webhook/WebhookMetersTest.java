package com.propty.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.delivery.resilience.Provider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class WebhookMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final WebhookMeters meters = new WebhookMeters(registry);

    @Test
    void everyProviderAndResultExistsAtZeroFromStartUp() {
        assertThat(registry.get(WebhookMeters.EVENTS).counters()).hasSize(2 * WebhookMeters.RESULTS.size());
        assertThat(events("twilio", "rejected_signature")).isZero();
    }

    @Test
    void eventsThatChangedNothingAreDuplicates() {
        meters.settled(Provider.SENDGRID, 5, 3);

        assertThat(events("sendgrid", "applied")).isEqualTo(3);
        assertThat(events("sendgrid", "duplicate")).isEqualTo(2);
    }

    @Test
    void rejectedSignaturesAndMalformedBodiesAreCountedPerProvider() {
        meters.rejectedSignature(Provider.TWILIO);
        meters.malformed(Provider.SENDGRID);

        assertThat(events("twilio", "rejected_signature")).isEqualTo(1);
        assertThat(events("sendgrid", "rejected_signature")).isZero();
        assertThat(events("sendgrid", "malformed")).isEqualTo(1);
    }

    private double events(String provider, String result) {
        return registry.get(WebhookMeters.EVENTS).tags("provider", provider, "result", result).counter().count();
    }
}
