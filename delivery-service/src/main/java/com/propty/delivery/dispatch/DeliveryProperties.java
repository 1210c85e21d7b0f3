package com.propty.delivery.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code delivery.*} timing knobs.
 *
 * @param inDoubtWindow   how long a send may stay unanswered before it becomes FAILED SEND_IN_DOUBT
 * @param giveUpAfter     how long parked sends are retried before they become FAILED PROVIDER_UNAVAILABLE
 * @param webhookMaxAge   how old a signed SendGrid webhook may be
 * @param claimSlice      how many sends of a chunk are claimed in the ledger at a time, just before their
 *                        provider calls: a crash leaves at most one slice in doubt, not the whole chunk
 */
@ConfigurationProperties("delivery")
public record DeliveryProperties(Duration inDoubtWindow, Duration inDoubtSweepInterval, Duration giveUpAfter,
        Duration retryPollInterval, Duration webhookMaxAge, int claimSlice) {
}
