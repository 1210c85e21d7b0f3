package com.propty.history.targets;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Target;
import com.propty.history.history.TargetState;
import java.time.Instant;

/**
 * One target of a resend as its detail lists it: who, on which channel, at which address, and how that attempt went
 * (the latest result of that attempt only; a later resend of the same channel is another resend's row). No name:
 * no event history-service reads carries residents' names. {@code fallback}: sent by this channel instead of the
 * recipient's other one, which could not succeed as it stood (README "Reach them another way").
 */
public record TargetRow(String recipientId, Channel channel, int attempt, String address, boolean fallback,
        Outcome outcome) {

    /** The state of the target within this resend's attempt; {@code updatedAt} is when it was last heard of. */
    public record Outcome(DeliveryStatus status, ErrorCode errorCode, String providerCode, Instant updatedAt) {
    }

    /** A target whose state is not stored yet (its chunk was just written) is PENDING. */
    static TargetRow of(Target target, TargetState state) {
        Outcome outcome = state == null ? new Outcome(DeliveryStatus.PENDING, null, null, null)
                : new Outcome(state.status(), state.errorCode(), state.providerCode(), state.at());
        return new TargetRow(target.recipientId(), target.channel(), target.attempt(), target.address(), target.fallback(),
                outcome);
    }
}
