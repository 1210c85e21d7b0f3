package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A chunk of a resend. {@code type} is the envelope's event type, so the resend's FULL/PARTIAL kind
 * travels as {@code resendType} (CONTRACT §4 names both "type"; one JSON member cannot be both).
 * {@code quietHours}: the SMS quiet hours the chunk's SMS must respect (as in {@link NoticeDispatchRequested}), null
 * when none apply. Key: {@link Topics#noticeKey} (the notice id), like the results it leads to.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResendRequested(String eventId, String type, int version, Instant occurredAt,
        String resendId, String noticeId, String propertyId, ResendScope scope, ResendType resendType,
        Requester requestedBy, Instant requestedAt, Content content, List<Target> targets,
        int chunkIndex, int chunkCount, ChannelTotals totals, int recipients, QuietHours quietHours) implements Event {

    public static final String TYPE = "ResendRequested";

    public static ResendRequested of(String resendId, String noticeId, String propertyId, ResendScope scope,
            Requester requestedBy, Instant requestedAt, Content content, List<Target> targets,
            int chunkIndex, int chunkCount, ChannelTotals totals, int recipients) {
        return of(resendId, noticeId, propertyId, scope, requestedBy, requestedAt, content, targets, chunkIndex,
                chunkCount, totals, recipients, null);
    }

    public static ResendRequested of(String resendId, String noticeId, String propertyId, ResendScope scope,
            Requester requestedBy, Instant requestedAt, Content content, List<Target> targets,
            int chunkIndex, int chunkCount, ChannelTotals totals, int recipients, QuietHours quietHours) {
        return new ResendRequested(resendId + ":" + chunkIndex, TYPE, 1, Instant.now(), resendId, noticeId,
                propertyId, scope, scope.type(), requestedBy, requestedAt, content, List.copyOf(targets),
                chunkIndex, chunkCount, totals, recipients, quietHours);
    }
}
