package com.propty.notice.notice;

import com.propty.events.DeliveryStatus;

/** A channel's current status and attempt, as counted for a notice's stats. */
public record ChannelSnapshot(DeliveryStatus status, int attempt) {

    public boolean isPendingFirstAttempt() {
        return status == DeliveryStatus.PENDING && attempt <= 1;
    }

    /** Claimed by a resend and not answered yet: the status keeps showing the failure until it is. */
    public boolean isPendingResend() {
        return status == DeliveryStatus.PENDING && attempt > 1;
    }
}
