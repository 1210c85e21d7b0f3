package com.propty.resend.policy;

import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.StatusRank;

/**
 * A channel's state within one attempt, the address that attempt used (null when it had none, e.g. SKIPPED for lack
 * of an address) and why it failed or was skipped (null when unknown or not failed).
 */
public record DeliveryState(DeliveryStatus status, int attempt, String address, ErrorCode errorCode) {

    public DeliveryState(DeliveryStatus status, int attempt, String address) {
        this(status, attempt, address, null);
    }

    public long rank() {
        return StatusRank.of(attempt, status);
    }

    /** The newer of two views of one channel, by the platform's one merge rule. */
    public static DeliveryState newest(DeliveryState a, DeliveryState b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.rank() > a.rank() ? b : a;
    }
}
