package com.propty.resend.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * How often one resident may be resent to (the front door's abuse limit): per notice and channel, at most
 * {@code maxPerChannel} resends, and none within {@code cooldown} of that channel's last resend result. The first
 * dispatch starts no cooldown, and a channel whose address changed since its failed attempt is never cooling down
 * (fix the address, resend at once). {@code now} is the moment the decision is taken.
 */
public record ResendLimits(int maxPerChannel, Duration cooldown, Instant now) {

    /** No limit: for rules that do not depend on it. */
    public static final ResendLimits NONE = new ResendLimits(Integer.MAX_VALUE - 1, Duration.ZERO, Instant.EPOCH);

    public ResendLimits {
        if (maxPerChannel < 0 || cooldown == null || cooldown.isNegative() || now == null) {
            throw new IllegalArgumentException("maxPerChannel >= 0, cooldown >= 0 and now are required");
        }
    }

    /** The channel has already been resent {@code maxPerChannel} times: attempt 1 is the dispatch. */
    boolean limitReached(int nextAttempt) {
        return nextAttempt - 1 > maxPerChannel;
    }

    /** When a channel whose last resend result came at {@code lastResendResultAt} may be resent again. */
    Instant eligibleAt(Instant lastResendResultAt) {
        return lastResendResultAt.plus(cooldown);
    }

    boolean coolingDown(Instant lastResendResultAt) {
        return lastResendResultAt != null && now.isBefore(eligibleAt(lastResendResultAt));
    }
}
