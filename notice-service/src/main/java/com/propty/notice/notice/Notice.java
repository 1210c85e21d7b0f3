package com.propty.notice.notice;

import com.propty.events.Channel;
import com.propty.events.Requester;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A notice to the residents of a property. {@code recipientIds} null means "every active resident
 * at send time". {@code smsText} null means "the body cut to 160 characters", computed when read so
 * that editing the body of a draft keeps the default in step. {@code stats}, {@code status} and
 * {@code resendable} are maintained from the recipients' channel states once sent. {@code urgent}: marked as an
 * emergency (who, when, why), so its SMS ignore the property's quiet hours; null for an ordinary notice.
 */
public record Notice(@Id String id, String propertyId, String title, String body, String smsText,
        List<Channel> channels, List<String> recipientIds, NoticeStatus status, Requester createdBy,
        Instant createdAt, Instant updatedAt, Instant scheduledAt, Instant sentAt, boolean resendable,
        DeliveryStats stats, Dispatch dispatch, Urgent urgent) {

    static final int DEFAULT_SMS_LENGTH = 160;

    public String effectiveSmsText() {
        if (smsText != null) {
            return smsText;
        }
        if (body.length() <= DEFAULT_SMS_LENGTH) {
            return body;
        }
        int end = Character.isHighSurrogate(body.charAt(DEFAULT_SMS_LENGTH - 1)) ? DEFAULT_SMS_LENGTH - 1
                : DEFAULT_SMS_LENGTH;
        return body.substring(0, end);
    }

    public DeliveryStats statsOrNone() {
        return stats == null ? DeliveryStats.NONE : stats;
    }

    /** Why a notice is urgent, and who said so when. */
    public record Urgent(String reason, Requester markedBy, Instant markedAt) {
    }

    /**
     * Progress of the first dispatch, so that a dispatch a crash interrupted can be finished with the
     * same chunks: the audience is stored once, the target totals are fixed before the first chunk
     * goes out, and {@code dispatched} turns true when every chunk is on the broker. Whoever holds an
     * unexpired {@code leaseUntil} is sending it.
     */
    public record Dispatch(String dispatchId, boolean audienceStored, long emailTargets, long smsTargets,
            boolean dispatched, Instant leaseUntil, Instant startedAt) {
    }
}
