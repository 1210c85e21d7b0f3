package com.propty.history.history;

import com.propty.events.DeliveryStatus;
import java.util.Collection;

/**
 * How a resend's target channels stand, each counted once at its latest state within the resend's
 * attempt (CONTRACT §3): a later resend of the same channel is another attempt and does not change it.
 */
public record Outcome(int pending, int sent, int delivered, int failed, int skipped) {

    public static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

    /** Tallies the latest state of each target channel (one status per target). */
    public static Outcome of(Collection<DeliveryStatus> latestStates) {
        int[] counts = new int[DeliveryStatus.values().length];
        latestStates.forEach(s -> counts[s.ordinal()]++);
        return new Outcome(counts[DeliveryStatus.PENDING.ordinal()], counts[DeliveryStatus.SENT.ordinal()],
                counts[DeliveryStatus.DELIVERED.ordinal()], counts[DeliveryStatus.FAILED.ordinal()],
                counts[DeliveryStatus.SKIPPED.ordinal()]);
    }
}
