package com.propty.delivery.resilience;

import java.time.Duration;

/**
 * The provider could not take the call and nothing was sent: connection refused, 429, 5xx, an open
 * circuit, a full bulkhead or an exhausted rate limit. The sends are parked and retried later.
 */
public class ProviderUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public ProviderUnavailable(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    public ProviderUnavailable(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    /** The provider's hint (Retry-After) or the guard's, null when there is none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
