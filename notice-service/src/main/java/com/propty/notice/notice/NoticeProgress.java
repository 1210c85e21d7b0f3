package com.propty.notice.notice;

import com.propty.notice.changes.LiveUpdates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps a sent notice's stats, status and {@code resendable} in step with its counters (CONTRACT §2), and tells the
 * open streams of every instance ({@code LiveUpdates}) after the write, only when what the notice shows changed.
 * Called by the projection that owns the notice after each batch that moved its counters, and once by the dispatch
 * when the audience is stored: the only writers of these fields once a notice is sent, so each write is by key alone.
 */
@Component
public class NoticeProgress {

    private final MongoTemplate mongo;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    public NoticeProgress(MongoTemplate mongo, LiveUpdates liveUpdates, Clock clock) {
        this.mongo = mongo;
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

    static Update update(Notice notice, NoticeSummary shown, Instant now) {
        Update update = new Update().set("status", shown.status()).set("stats", shown.stats())
                .set("resendable", shown.resendable());
        if (shown.status() != NoticeStatus.SENDING && notice.sentAt() == null) {
            update.set("sentAt", now);
        }
        return update;
    }

    public void show(String noticeId, CombinationCounts counts) {
        Notice notice = mongo.findById(noticeId, Notice.class);
        NoticeSummary shown = outcome(notice, counts);
        if (shown == null) {
            return;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), update(notice, shown, clock.instant()),
                Notice.class);
        liveUpdates.noticeChanged(noticeId);
    }
}
