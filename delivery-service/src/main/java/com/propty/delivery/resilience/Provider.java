package com.propty.delivery.resilience;

import java.util.Locale;

/** The providers the service calls; each gets its own circuit breaker, rate limiter and bulkhead. */
public enum Provider {
    SENDGRID, TWILIO;

    /** As it appears in {@code DeliveryResult.provider}, metrics and logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
