package com.propty.history.history;

import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.StatusRank;
import java.time.Instant;

/**
 * The state of one resend target within its attempt, ordered by the platform's one merge rule
 * ({@link StatusRank}): PENDING (requested) &lt; SENT &lt; DELIVERED &lt; FAILED/SKIPPED. Stored as a
 * sub-document whose first field is the rank ({@code store.TargetStateDocuments}), so that MongoDB's {@code $max}
 * applies the rule atomically whatever order, or how many times, requests and results arrive. The result's error codes and time ride
 * along after the rank and the status: they only break ties between results of one rank (a republished result, or
 * two FAILED answers of one attempt), deterministically, and are what the resend's detail shows.
 */
public record TargetState(long rank, DeliveryStatus status, ErrorCode errorCode, String providerCode, Instant at) {

    public static TargetState of(int attempt, DeliveryStatus status) {
        return new TargetState(StatusRank.of(attempt, status), status, null, null, null);
    }

    /** The target requested, nothing heard yet. */
    public static TargetState requested(int attempt, Instant at) {
        return new TargetState(StatusRank.of(attempt, DeliveryStatus.PENDING), DeliveryStatus.PENDING, null, null, at);
    }

    public static TargetState of(DeliveryResult result) {
        return new TargetState(result.rank(), result.status(), result.errorCode(), result.providerCode(),
                result.occurredAt());
    }
}
