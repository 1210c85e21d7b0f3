package com.propty.resend.policy;

import java.time.Instant;

/**
 * What resend-service itself knows about a channel it resent: the attempt it claimed, whether that
 * claim is still in flight (no answer yet), the latest result it saw for that attempt
 * ({@code last}, null when none) and when that result happened ({@code lastAt}, null when none).
 * notice-service may lag behind this view, or be ahead of it.
 */
public record Claim(int attempt, boolean inFlight, DeliveryState last, Instant lastAt) {

    public Claim(int attempt, boolean inFlight, DeliveryState last) {
        this(attempt, inFlight, last, null);
    }
}
