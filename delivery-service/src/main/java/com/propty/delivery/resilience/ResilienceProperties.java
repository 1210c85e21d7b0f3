package com.propty.delivery.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code delivery.resilience.*}: retry backoff and per-provider limits (see application.yml for the environment variables). */
@ConfigurationProperties("delivery.resilience")
public record ResilienceProperties(BackoffProperties backoff, ProviderLimits sendgrid, ProviderLimits twilio) {

    /** Delay before retrying parked sends: {@code initial × multiplier^(tries-1)}, capped at {@code max}, ± {@code jitter}. */
    public record BackoffProperties(Duration initial, Duration max, double multiplier, double jitter) {
    }

    /**
     * @param permitsPerSecond   calls per second (SendGrid: one call per batch of up to 1,000 emails; Twilio: one per SMS)
     * @param maxConcurrentCalls bulkhead size
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param minimumCalls       calls before the failure rate counts
     * @param slidingWindow      calls the failure rate is computed over
     * @param waitInOpenState    how long an open circuit parks everything before trying again
     */
    public record ProviderLimits(int permitsPerSecond, int maxConcurrentCalls, float failureRateThreshold,
            int minimumCalls, int slidingWindow, Duration waitInOpenState) {
    }

    public ProviderLimits limits(Provider provider) {
        return provider == Provider.SENDGRID ? sendgrid : twilio;
    }
}
