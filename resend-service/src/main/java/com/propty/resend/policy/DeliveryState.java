package com.propty.resend.policy;

import com.propty.events.DeliveryStatus;
import com.propty.events.StatusRank;

/**
 * A channel's state within one attempt, and the address that attempt used (null when it had none,
 * e.g. SKIPPED for lack of an address).
 */
public record DeliveryState(DeliveryStatus status, int attempt, String address) {

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
