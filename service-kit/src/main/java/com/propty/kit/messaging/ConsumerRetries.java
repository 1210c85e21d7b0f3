package com.propty.kit.messaging;

import java.util.function.Consumer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The two ways a service's consumers are retried, on the binder's brokers ({@link MessagingProperties}): a poison
 * record always goes to the binding's dead-letter topic on its own; any other failure retries the poll without limit,
 * so nothing is skipped.
 */
public final class ConsumerRetries {

    private final String brokers;
    private final MessagingProperties properties;

    ConsumerRetries(String brokers, MessagingProperties properties) {
        this.brokers = brokers;
        this.properties = properties;
    }

    /** A projection's: its writes are idempotent, so the poll is retried at a fixed interval. */
    public ProjectionErrorHandling projections(String service, Consumer<String> deadLettered) {
        return new ProjectionErrorHandling(brokers, service, properties.storeRetryInterval().toMillis(), deadLettered);
    }

    /** Send requests': retried from half a second, doubling up to {@code request-retry-max-interval}. */
    public ProjectionErrorHandling requests(String service, Consumer<String> deadLettered) {
        ExponentialBackOff retry = new ExponentialBackOff(500, 2.0);
        retry.setMaxInterval(properties.requestRetryMaxInterval().toMillis());
        return new ProjectionErrorHandling(brokers, service, retry, deadLettered);
    }
}
