package com.propty.history.history;

import com.propty.events.DeliveryStatus;
import com.propty.events.StatusRank;
import java.util.Collection;
import java.util.Comparator;

/**
 * The state of one resend target within its attempt, ordered by the platform's one merge rule
 * ({@link StatusRank}): PENDING (requested) &lt; SENT &lt; DELIVERED &lt; FAILED/SKIPPED. Stored as a
 * sub-document whose first field is the rank, so that MongoDB's {@code $max} applies the rule
 * atomically whatever order, or how many times, requests and results arrive.
 */
public record TargetState(long rank, DeliveryStatus status) {

    public static TargetState of(int attempt, DeliveryStatus status) {
        return new TargetState(StatusRank.of(attempt, status), status);
    }

    /** What {@code $max} keeps out of everything seen for one target: the highest rank, ties by status name. */
    public static TargetState latest(Collection<TargetState> seen) {
        return seen.stream().max(Comparator.comparingLong(TargetState::rank)
                .thenComparing(s -> s.status().name())).orElseThrow();
    }

    public org.bson.Document toDocument() {
        return new org.bson.Document("rank", rank).append("status", status.name());
    }
}
