package com.propty.resend.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How resend-service reaches notice-service, and how hard it tries: each call is bounded by
 * {@code timeout}, retried {@code retry.maxAttempts} times, and a circuit breaker stops calling a
 * notice-service that keeps failing so that managers get a quick 503 instead of a hanging dialog.
 */
@ConfigurationProperties("resend.notice-service")
public record NoticeServiceProperties(String url, Duration timeout, Retry retry, CircuitBreaker circuitBreaker) {

    public record Retry(int maxAttempts, Duration waitDuration) {
    }

    public record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
            Duration waitInOpenState) {
    }
}
