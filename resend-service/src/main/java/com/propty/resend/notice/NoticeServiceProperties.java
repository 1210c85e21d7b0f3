package com.propty.resend.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How resend-service reaches notice-service, and how hard it tries: each call is bounded by
 * {@code timeout}, retried {@code retry.maxAttempts} times, and a circuit breaker stops calling a
 * notice-service that keeps failing so that managers get a quick 503 instead of a hanging dialog.
 */
@ConfigurationProperties("resend.notice-service")
public record NoticeServiceProperties(String url, Duration timeout, Retry retry, CircuitBreaker circuitBreaker,
        Keep keep) {

    public NoticeServiceProperties {
        keep = keep == null ? new Keep(Duration.ofMinutes(1), 200_000) : keep;
    }

    /**
     * Answers kept per notice ({@code CurrentDeliveries}): each for at most {@code maxAge} (a bound on what a crash
     * between a write and its version could leave), and at most {@code maxRecipients} recipients over all notices.
     */
    public record Keep(Duration maxAge, int maxRecipients) {
    }

    public record Retry(int maxAttempts, Duration waitDuration) {
    }

    public record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
            Duration waitInOpenState) {
    }
}
