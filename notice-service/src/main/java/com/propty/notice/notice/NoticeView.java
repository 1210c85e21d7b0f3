package com.propty.notice.notice;

import com.propty.events.Channel;
import com.propty.events.Requester;
import java.time.Instant;
import java.util.List;

/**
 * A notice as the API shows it (CONTRACT §3); {@code recipientIds} is null when it goes to every resident, {@code urgent}
 * null unless it is marked urgent (README "Never at night").
 */
public record NoticeView(String id, String propertyId, String title, String body, String smsText,
        List<Channel> channels, NoticeStatus status, Requester createdBy, Instant createdAt, Instant scheduledAt,
        Instant sentAt, boolean resendable, DeliveryStats stats, List<String> recipientIds, Notice.Urgent urgent) {

    public static NoticeView of(Notice n) {
        return new NoticeView(n.id(), n.propertyId(), n.title(), n.body(), n.effectiveSmsText(), n.channels(),
                n.status(), n.createdBy(), n.createdAt(), n.scheduledAt(), n.sentAt(), n.resendable(),
                n.statsOrNone(), n.recipientIds(), n.urgent());
    }
}
