package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.ErrorCode;
import com.propty.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final DeliveryMeters meters = new DeliveryMeters(registry, clock, Duration.ofMinutes(15));

    final Send bobEmail = new Send("resend-1", "p1", "notice-1", "bob", Channel.EMAIL, 2, "bob@example.com");
    final Send eveSms = new Send("resend-1", "p1", "notice-1", "eve", Channel.SMS, 2, "+15145550001");

    @Test
    void everyChannelOutcomeAndErrorExistsAtZeroFromStartUp() {
        assertThat(deliveries("email", "failed", "bounced")).isZero();
        assertThat(deliveries("sms", "delivered", "none")).isZero();
        assertThat(registry.get(DeliveryMeters.DELIVERIES).tag("channel", "email").tag("provider", "sendgrid")
                .counters()).hasSizeGreaterThan(ErrorCode.values().length);
        assertThat(registry.find(DeliveryMeters.DELIVERIES).tag("outcome", "pending").counters()).as("no result is PENDING").isEmpty();
    }

    @Test
    void publishedResultsAreCountedByChannelProviderOutcomeAndError() {
        meters.published(List.of(bobEmail.sent("sendgrid", "m1"), eveSms.failed(ErrorCode.INVALID_ADDRESS, "21211", "x", "twilio"),
                eveSms.failed(ErrorCode.INVALID_ADDRESS, "21211", "x", "twilio")));

        assertThat(deliveries("email", "sent", "none")).isEqualTo(1);
        assertThat(registry.get(DeliveryMeters.DELIVERIES).tags("channel", "sms", "provider", "twilio", "outcome", "failed",
                "error", "invalid_address").counter().count()).isEqualTo(2);
    }

    @Test
    void aSkippedSendIsCountedUnderItsChannelsProvider() {
        meters.published(List.of(bobEmail.result(com.propty.events.DeliveryStatus.SKIPPED, ErrorCode.NO_ADDRESS, null,
                "No email address", null, null)));

        assertThat(registry.get(DeliveryMeters.DELIVERIES).tags("provider", "sendgrid", "outcome", "skipped",
                "error", "no_address").counter().count()).isEqualTo(1);
    }

    @Test
    void aSendInDoubtCountsUntilAResultForItIsPublished() {
        meters.inDoubt(List.of(bobEmail, eveSms));
        assertThat(inDoubt("email")).isEqualTo(1);
        assertThat(inDoubt("sms")).isEqualTo(1);

        meters.published(List.of(bobEmail.result(com.propty.events.DeliveryStatus.DELIVERED, null, null, null, "sendgrid", "m")));

        assertThat(inDoubt("email")).isZero();
        assertThat(inDoubt("sms")).isEqualTo(1);
    }

    @Test
    void aSendInDoubtLongerThanTheWindowIsForgottenBecauseAnotherInstanceSettledIt() {
        meters.inDoubt(List.of(eveSms));

        clock.advance(Duration.ofMinutes(16));

        assertThat(inDoubt("sms")).isZero();
    }

    private double deliveries(String channel, String outcome, String error) {
        return registry.get(DeliveryMeters.DELIVERIES).tags("channel", channel, "outcome", outcome, "error", error)
                .counter().count();
    }

    private double inDoubt(String channel) {
        return registry.get(DeliveryMeters.IN_DOUBT).tag("channel", channel).gauge().value();
    }
}
