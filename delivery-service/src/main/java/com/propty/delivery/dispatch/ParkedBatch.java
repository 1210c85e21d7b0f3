package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryHeld;
import java.time.Instant;
import java.util.List;

/**
 * Sends of one channel and one content waiting in the retry store: for their provider to come back (an outage batch:
 * {@code held} false, {@code reason} what the provider answered), or held on purpose until {@code nextAttemptAt}
 * ({@code held} true, {@code reason} {@link DeliveryHeld#QUIET_HOURS}: SMS due inside their property's quiet hours). A
 * hold has never been tried and is never given up: when it comes due its sends get their first try
 * ({@link #toTry}).
 */
public record ParkedBatch(String id, Channel channel, Content content, List<Send> sends, Instant firstParkedAt,
        int tries, Instant nextAttemptAt, String reason, boolean held) {

    /** Sends held for quiet hours from {@code now} until {@code until}. */
    public static ParkedBatch quietHours(String id, Channel channel, Content content, List<Send> sends, Instant now,
            Instant until) {
        return new ParkedBatch(id, channel, content, List.copyOf(sends), now, 0, until, DeliveryHeld.QUIET_HOURS, true);
    }

    /**
     * The batch as a try at {@code now} sees it: an outage batch as it is; a hold as a first try from {@code now}, so
     * that if the provider is down then it becomes an ordinary outage batch whose give-up clock starts now (not when
     * the hold began) and which is announced as deferred like any first parking.
     */
    ParkedBatch toTry(Instant now) {
        return held ? new ParkedBatch(id, channel, content, sends, now, 0, now, null, false) : this;
    }
}
