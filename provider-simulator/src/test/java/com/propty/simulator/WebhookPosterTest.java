package com.propty.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookPosterTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void backoffDoublesFromAQuarterSecondUpToFiveSeconds() {
        assertThat(WebhookPoster.backoffMillis(1)).isEqualTo(250);
        assertThat(WebhookPoster.backoffMillis(2)).isEqualTo(500);
        assertThat(WebhookPoster.backoffMillis(5)).isEqualTo(4_000);
        assertThat(WebhookPoster.backoffMillis(6)).isEqualTo(5_000);
        assertThat(WebhookPoster.backoffMillis(500)).isEqualTo(5_000);
    }

    @Test
    void aWebhookTheReceiverCannotTakeIsPostedAgainUntilItIsTaken() {
        receiver.unavailableFor.set(6);
        // the retry itself, not the provider's waits (backoffMillis, tested above): 20 ms between tries
        try (WebhookPoster poster = new WebhookPoster(0, Duration.ofMinutes(5), attempt -> 20)) {
            poster.post(webhook("delivered"));

            // six refusals are more than the old fixed six tries; the seventh gets through
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 7);
            assertThat(receiver.unavailableFor.get()).isZero();
            assertThat(receiver.received).allSatisfy(r ->
                    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("delivered"));
        }
    }

    @Test
    void aWebhookIsGivenUpOnceItsRetryTimeIsOver() {
        receiver.unavailableFor.set(Integer.MAX_VALUE);
        // 200 ms between tries, for half a second
        try (WebhookPoster poster = new WebhookPoster(0, Duration.ofMillis(500), attempt -> 200)) {
            poster.post(webhook("bounce"));

            // How many tries fit in the half second depends on how long each exchange takes on a loaded machine (a
            // slow first one can use the whole window), so only the bounds are certain: at least the first, and no
            // more than the backoffs that fit in it (200 + 200 ms: three). Retrying itself is the test above.
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() >= 1);
            // the backoff is 200 ms: no new try for 1.5 s means it stopped
            int[] seen = {-1};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1500)).until(() -> {
                int now = receiver.received.size();
                boolean still = now == seen[0];
                seen[0] = now;
                return still;
            });
            assertThat(seen[0]).isBetween(1, 3);
        }
    }

    private WebhookPoster.Webhook webhook(String body) {
        return new WebhookPoster.Webhook(receiver.url("/webhooks/sendgrid/events"), "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
