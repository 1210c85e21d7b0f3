package com.propty.events;

/**
 * The state of one recipient's channel within one attempt (CONTRACT §2).
 *
 * <p>{@link #rank} orders the states of one attempt so that every projection can merge results
 * the same way whatever order they arrive in: a higher rank wins, a lower one is ignored.
 * DELIVERED and FAILED are final; a late SENT never overwrites them. Should a provider report both
 * DELIVERED and FAILED for one attempt (a bounce after delivery), FAILED wins, so the outcome does
 * not depend on arrival order.
 */
public enum DeliveryStatus {
    PENDING(0), SENT(1), DELIVERED(2), FAILED(3), SKIPPED(3);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** True for a state the provider will not change any more for this attempt. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == SKIPPED;
    }

    /** True when the recipient got the notice on this channel. */
    public boolean isReceived() {
        return this == SENT || this == DELIVERED;
    }
}
