package com.propty.delivery.resilience;

import java.time.Duration;

/** When to retry parked sends: exponential with jitter (so parked batches do not all return at once), never before the provider's Retry-After. */
public final class Backoff {

    private final ResilienceProperties.BackoffProperties settings;

    public Backoff(ResilienceProperties.BackoffProperties settings) {
        this.settings = settings;
    }

    /**
     * @param tries      how many times these sends were parked, 1 for the first time
     * @param retryAfter the provider's hint, or null
     * @param random     a number in [0, 1) that picks the jitter
     */
    public Duration delay(int tries, Duration retryAfter, double random) {
        double base = settings.initial().toMillis() * Math.pow(settings.multiplier(), Math.max(0, tries - 1));
        double capped = Math.min(base, settings.max().toMillis());
        double jittered = capped * (1 + settings.jitter() * (2 * random - 1));
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(jittered)));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
