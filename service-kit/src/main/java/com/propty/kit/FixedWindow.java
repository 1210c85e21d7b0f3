package com.propty.kit;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed-window rate limit: at most {@code limit} actions per {@code window}, windows aligned on the epoch so that
 * every instance of a service computes the same window for the same moment (their shared counter is keyed by it).
 */
public record FixedWindow(int limit, Duration window) {

    public FixedWindow {
        if (limit < 1 || window == null || window.toMillis() < 1000) {
            throw new IllegalArgumentException("a rate limit needs limit >= 1 and a window of at least one second");
        }
    }

    /** The index of the window {@code now} falls in. */
    public long index(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), window.toMillis());
    }

    /** When the window {@code now} falls in ends. */
    public Instant end(Instant now) {
        return Instant.ofEpochMilli((index(now) + 1) * window.toMillis());
    }

    /** Whole seconds until the next window, at least 1: the {@code Retry-After} of a refused action. */
    public long retryAfterSeconds(Instant now) {
        long millis = end(now).toEpochMilli() - now.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Whether the {@code count}-th action of a window is allowed. */
    public boolean allows(long count) {
        return count <= limit;
    }
}
