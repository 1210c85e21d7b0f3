package com.propty.notice.notice;

import com.propty.events.DeliveryStatus;

/**
 * A channel's current status and attempt, as counted for a notice's stats, and whether that attempt was deferred
 * by a provider outage (it then waits, PENDING, in delivery-service's retry store).
 */
public record ChannelSnapshot(DeliveryStatus status, int attempt, boolean deferred) {

    public ChannelSnapshot(DeliveryStatus status, int attempt) {
        this(status, attempt, false);
    }

    /**
     * A channel of the first dispatch that has had no answer yet. Being deferred by an outage is an answer
     * (CONTRACT §2), so an outage alone does not keep a notice SENDING.
     */
    public boolean awaitsFirstAnswer() {
        return status == DeliveryStatus.PENDING && attempt <= 1 && !deferred;
    }

    /** Claimed by a resend and not answered yet: the status keeps showing the failure until it is. */
    public boolean isPendingResend() {
        return status == DeliveryStatus.PENDING && attempt > 1;
    }

    /**
     * This snapshot as a notice's counters keep it: the attempt as 1 (first dispatch) or 2 (any resend), and deferred
     * only where it matters (a PENDING attempt). Stats, status and resendability read nothing else, so they are the
     * same from the counted snapshot as from the exact one.
     */
    public ChannelSnapshot counted() {
        return new ChannelSnapshot(status, attempt <= 1 ? 1 : 2, deferred && status == DeliveryStatus.PENDING);
    }
}
