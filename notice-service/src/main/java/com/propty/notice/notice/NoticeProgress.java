package com.propty.notice.notice;

import com.propty.notice.changes.LiveUpdates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps a sent notice's stats, status and {@code resendable} in step with its counters (CONTRACT §2), and tells the
 * open streams of every instance ({@code LiveUpdates}) after the write, only when what the notice shows changed.
 * Called by the projection that owns the notice after each batch that moved its counters, and once by the dispatch
 * when the audience is stored: the only writers of these fields once a notice is sent, so each write is by key alone.
 */
@Component
public class NoticeProgress {

    private final NoticeStore notices;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    public NoticeProgress(NoticeStore notices, LiveUpdates liveUpdates, Clock clock) {
        this.notices = notices;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
    }

    /** What a sent notice shows with these counters; null when that is what it shows already, or it is not sent. */
    static NoticeSummary outcome(Notice notice, CombinationCounts counts) {
        if (notice == null || !notice.status().isSent()) {
            return null;
        }
        List<StateCombination> combinations = counts.combinations();
        DeliveryStats stats = DeliveryStats.of(combinations);
        NoticeStatus status = NoticeStatusRule.next(notice.status(), combinations);
        boolean resendable = NoticeStatusRule.resendable(status, stats);
        if (status == notice.status() && stats.equals(notice.stats()) && resendable == notice.resendable()) {
            return null;
        }
        return new NoticeSummary(notice.id(), status, resendable, stats);
    }

    /** What the notice shows, with its sending time if it is first sent now (it leaves SENDING for the first time). */
    static NoticeStore.Shown shown(Notice notice, NoticeSummary shown, Instant now) {
        boolean firstSent = shown.status() != NoticeStatus.SENDING && notice.sentAt() == null;
        return new NoticeStore.Shown(shown, firstSent ? now : null);
    }

    public void show(String noticeId, CombinationCounts counts) {
        Notice notice = notices.find(noticeId);
        NoticeSummary shown = outcome(notice, counts);
        if (shown == null) {
            return;
        }
        notices.show(noticeId, shown(notice, shown, clock.instant()));
        liveUpdates.noticeChanged(noticeId);
    }
}
