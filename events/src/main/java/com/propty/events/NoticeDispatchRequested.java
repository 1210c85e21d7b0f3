package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A chunk of the first dispatch of a notice (attempt 1 of every target). {@code quietHours}: the property's SMS quiet
 * hours the SMS of this chunk must respect, null when none apply (switched off, an urgent notice, or a chunk of
 * before they existed). Key: {@link Topics#chunkKey}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeDispatchRequested(String eventId, String type, int version, Instant occurredAt,
        String dispatchId, String noticeId, String propertyId, Content content, List<Target> targets,
        int chunkIndex, int chunkCount, ChannelTotals totals, QuietHours quietHours) implements Event {

    public static final String TYPE = "NoticeDispatchRequested";

    public static NoticeDispatchRequested of(String dispatchId, String noticeId, String propertyId, Content content,
            List<Target> targets, int chunkIndex, int chunkCount, ChannelTotals totals) {
        return of(dispatchId, noticeId, propertyId, content, targets, chunkIndex, chunkCount, totals, null);
    }

    public static NoticeDispatchRequested of(String dispatchId, String noticeId, String propertyId, Content content,
            List<Target> targets, int chunkIndex, int chunkCount, ChannelTotals totals, QuietHours quietHours) {
        return new NoticeDispatchRequested(dispatchId + ":" + chunkIndex, TYPE, 1, Instant.now(), dispatchId,
                noticeId, propertyId, content, List.copyOf(targets), chunkIndex, chunkCount, totals, quietHours);
    }

}
