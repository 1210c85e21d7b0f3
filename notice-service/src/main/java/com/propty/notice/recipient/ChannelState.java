package com.propty.notice.recipient;

import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.StatusRank;
import java.time.Instant;

/**
 * One recipient's state on one channel. Stored as a sub-document whose first field is
 * {@link StatusRank}, so that a single {@code $max} merges any result in any order, any number of
 * times: a newer attempt or a later state of the same attempt wins; everything else in it is fixed
 * for a given rank (updatedAt is the event's own time), so a duplicate changes nothing.
 */
public record ChannelState(long rank, DeliveryStatus status, int attempt, String address, ErrorCode errorCode,
        String providerCode, String errorMessage, Instant updatedAt) {

    public static ChannelState pending(int attempt, String address, Instant at) {
        return new ChannelState(StatusRank.of(attempt, DeliveryStatus.PENDING), DeliveryStatus.PENDING, attempt,
                address, null, null, null, at);
    }

    public static ChannelState skipped(int attempt, String address, ErrorCode reason, Instant at) {
        return new ChannelState(StatusRank.of(attempt, DeliveryStatus.SKIPPED), DeliveryStatus.SKIPPED, attempt,
                address, reason, null, null, at);
    }

    /**
     * This PENDING attempt as shown while a provider outage defers it: still PENDING, with PROVIDER_UNAVAILABLE as
     * its last error so the table and the export say why it waits. (A view only; never stored.)
     */
    public ChannelState deferred() {
        return new ChannelState(rank, status, attempt, address, ErrorCode.PROVIDER_UNAVAILABLE, null, null,
                updatedAt);
    }

    public static ChannelState of(DeliveryResult result) {
        return new ChannelState(result.rank(), result.status(), result.attempt(), result.address(),
                result.errorCode(), result.providerCode(), result.errorMessage(), result.occurredAt());
    }

    /** The in-memory form of the store's {@code $max}: the higher rank wins, a tie keeps what is there. */
    public static ChannelState latest(ChannelState current, ChannelState incoming) {
        if (current == null || incoming.rank > current.rank) {
            return incoming;
        }
        return current;
    }
}
