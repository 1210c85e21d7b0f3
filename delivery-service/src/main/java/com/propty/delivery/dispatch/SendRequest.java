package com.propty.delivery.dispatch;

import com.propty.events.Content;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.QuietHours;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import java.util.List;

/**
 * A chunk of targets to send now, whether it comes from a first dispatch or from a resend. {@code quietHours}: the
 * property's SMS quiet hours the chunk's SMS must respect (README "Never at night"), null when none apply (switched
 * off, an urgent notice, or a chunk of before they existed): its SMS then go at once, as its emails always do.
 */
public record SendRequest(String attemptId, String propertyId, String noticeId, Content content,
        List<Target> targets, QuietHours quietHours) {

    public static SendRequest of(NoticeDispatchRequested event) {
        return new SendRequest(event.dispatchId(), event.propertyId(), event.noticeId(), event.content(),
                event.targets(), event.quietHours());
    }

    public static SendRequest of(ResendRequested event) {
        return new SendRequest(event.resendId(), event.propertyId(), event.noticeId(), event.content(),
                event.targets(), event.quietHours());
    }

    public Send send(Target target) {
        return new Send(attemptId, propertyId, noticeId, target.recipientId(), target.channel(), target.attempt(), target.address());
    }
}
