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
}
