package com.propty.delivery.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delivery.*} timing knobs.
 *
 * @param inDoubtWindow   how long a send may stay unanswered before it becomes FAILED SEND_IN_DOUBT
 * @param giveUpAfter     how long parked sends are retried before they become FAILED PROVIDER_UNAVAILABLE
 * @param webhookMaxAge   how old a signed SendGrid webhook may be
 */
@ConfigurationProperties("delivery")
public record DeliverySettings(Duration inDoubtWindow, Duration inDoubtSweepInterval, Duration giveUpAfter,
        Duration retryPollInterval, Duration webhookMaxAge) {
}
