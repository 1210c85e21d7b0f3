package com.propty.notice.changes;

import com.propty.events.NoticeChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the live-update hints, without Spring or Kafka: which {@link NoticeChanged} events a projection batch
 * publishes, and which stream pushes an event received from any instance becomes.
 */
public final class NoticeChanges {

    /** What the open streams of an instance can be told. */
    public interface Pushes {
        void noticeChanged(String noticeId);

        void recipientsChanged(String noticeId, Collection<String> recipientIds);

        void refresh(String noticeId);

        void resend(String noticeId, String resendId);
    }

    private NoticeChanges() {
    }

    /**
     * The hints of one batch, coalesced: per notice, one {@code RECIPIENTS} event naming every changed row (or, past
     * {@code maxRowEvents}, one refresh), never one per recipient, and one {@code RESEND} event per resend id; in the
     * notices' order.
     */
    public static List<NoticeChanged> ofBatch(Map<String, ? extends Collection<String>> changedRows,
            Map<String, ? extends Collection<String>> resends, int maxRowEvents) {
        Set<String> notices = new LinkedHashSet<>(changedRows.keySet());
        notices.addAll(resends.keySet());
        List<NoticeChanged> hints = new ArrayList<>();
        for (String noticeId : notices) {
            Collection<String> rows = changedRows.get(noticeId);
            if (rows != null && !rows.isEmpty()) {
                hints.add(NoticeChanged.recipients(noticeId, new LinkedHashSet<>(rows), maxRowEvents));
            }
            Collection<String> resendIds = resends.get(noticeId);
            if (resendIds != null) {
                new LinkedHashSet<>(resendIds).forEach(resendId -> hints.add(NoticeChanged.resend(noticeId, resendId)));
            }
        }
        return hints;
    }

    /** The pushes a received (and {@linkplain NoticeChanged#complete complete}) hint asks for. */
    public static void push(NoticeChanged change, Pushes streams) {
        switch (change.kind()) {
            case NOTICE -> streams.noticeChanged(change.noticeId());
            case RECIPIENTS -> {
                if (change.refresh()) {
                    streams.refresh(change.noticeId());
                } else {
                    streams.recipientsChanged(change.noticeId(), change.recipientIds());
                }
            }
            case RESEND -> streams.resend(change.noticeId(), change.resendId());
        }
    }
}
