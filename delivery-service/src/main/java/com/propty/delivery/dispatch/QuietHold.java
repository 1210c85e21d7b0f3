package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.QuietHours;
import java.time.Instant;

/**
 * The rule of "Never at night" (README): an SMS due inside its property's quiet hours is held until they end; an email
 * is never held, and a chunk without quiet hours (null: switched off, an urgent notice, an old chunk) holds nothing.
 */
final class QuietHold {

    private QuietHold() {
    }

    /** When sends of {@code channel} due {@code now} under {@code quietHours} may go; null when they may go now. */
    static Instant until(Channel channel, QuietHours quietHours, Instant now) {
        if (channel != Channel.SMS || quietHours == null) {
            return null;
        }
        return quietHours.holdUntil(now);
    }

    /** The quiet hours a group of {@code channel} keeps: only SMS have any (emails of chunks that differ pool anyway). */
    static QuietHours of(Channel channel, QuietHours quietHours) {
        return channel == Channel.SMS ? quietHours : null;
    }
}
