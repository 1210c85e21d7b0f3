package com.propty.notice.notice;

import com.propty.events.DeliveryStatus;
import java.util.Collection;

/**
 * A sent notice's status and whether it can be resent, from its recipients' channel states
 * (CONTRACT §2). SENDING lasts while a channel of the first dispatch has had no answer (a deferral by a
 * provider outage is one); then
 * PARTIALLY_FAILED while a channel is FAILED or being resent after failing (so the status does not
 * flicker while a resend is in flight), else SENT. A notice never goes back to SENDING.
 */
public final class NoticeStatusRule {

    private NoticeStatusRule() {
    }

    public static NoticeStatus next(NoticeStatus current, Collection<StateCombination> combinations) {
        if (!current.isSent()) {
            return current;
        }
        boolean firstDispatchUnanswered = combinations.stream().flatMap(DeliveryStats::channels)
                .anyMatch(ChannelSnapshot::awaitsFirstAnswer);
        if (current == NoticeStatus.SENDING && firstDispatchUnanswered) {
            return NoticeStatus.SENDING;
        }
        boolean failing = combinations.stream().flatMap(DeliveryStats::channels)
                .anyMatch(s -> s.status() == DeliveryStatus.FAILED || s.isPendingResend());
        return failing ? NoticeStatus.PARTIALLY_FAILED : NoticeStatus.SENT;
    }

    /**
     * A notice can be resent once sent, when a channel is FAILED. A channel claimed by a resend shows
     * as PENDING at its new attempt, so it no longer counts as failed here.
     */
    public static boolean resendable(NoticeStatus status, DeliveryStats stats) {
        return (status == NoticeStatus.SENT || status == NoticeStatus.PARTIALLY_FAILED) && stats.failedChannels() > 0;
    }
}
