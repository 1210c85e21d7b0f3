package com.propty.notice.notice;

import com.propty.notice.recipient.Recipients;
import com.propty.notice.stream.NoticeStreams;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a sent notice's stats, status and {@code resendable} in step with its recipients. Recomputed
 * from the recipient documents (one aggregation) rather than counted incrementally, so a retried or
 * duplicated batch can never skew a counter.
 *
 * <p>The aggregation reads every recipient of the notice, so the projection does not run it after each
 * batch: it {@linkplain #requestRecompute marks} the notice, and {@link #recomputeMarked} recomputes each
 * marked notice at most once per {@code propty.notice.stats-interval-ms} however many batches arrived, and
 * no sooner than {@link RecomputePacing} allows after a slow one. The mark is also stored on the notice
 * ({@code statsDirty}) before the batch's offsets are committed, so a process killed in between recomputes
 * it after a restart.
 */
@Component
public class NoticeProgress {

    private static final String DIRTY = "statsDirty";

    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    private final Recipients recipients;
    private final NoticeStreams streams;
    private final Object[] locks = new Object[STRIPES];
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final RecomputePacing pacing = new RecomputePacing(4);

    public NoticeProgress(MongoTemplate mongo, Recipients recipients, NoticeStreams streams) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.streams = streams;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Called by the projection, before the batch's offsets are committed. */
    public void requestRecompute(String noticeId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), new Update().set(DIRTY, true),
                Notice.class);
        marked.add(noticeId);
    }

    @Scheduled(fixedDelayString = "${propty.notice.stats-interval-ms:500}")
    void recomputeMarked() {
        pacing.forgetPast(System.nanoTime());
        for (String noticeId : List.copyOf(marked)) {
            if (!pacing.due(noticeId, System.nanoTime())) {
                continue;
            }
            marked.remove(noticeId);
            long started = System.nanoTime();
            // Cleared before reading, so a batch applied meanwhile marks the notice again.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), new Update().set(DIRTY, false),
                    Notice.class);
            recompute(noticeId);
            pacing.ran(noticeId, started, System.nanoTime());
        }
    }

    /** After a restart: notices whose last batches were applied but not yet recomputed. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${propty.notice.stats-recovery-interval-ms:30000}")
    void markLeftOvers() {
        mongo.find(Query.query(Criteria.where(DIRTY).is(true)), Notice.class).forEach(n -> marked.add(n.id()));
    }

    public void recompute(String noticeId) {
        // Two consumers (results, resends) may finish batches of one notice together: the later
        // aggregation must also be the later write.
        synchronized (locks[Math.floorMod(noticeId.hashCode(), STRIPES)]) {
            for (int tries = 0; tries < 3; tries++) {
                Notice notice = mongo.findById(noticeId, Notice.class);
                if (notice == null || !notice.status().isSent()) {
                    return;
                }
                List<StateCombination> combinations = recipients.combinations(noticeId);
                DeliveryStats stats = DeliveryStats.of(combinations);
                NoticeStatus status = NoticeStatusRule.next(notice.status(), combinations);
                boolean resendable = NoticeStatusRule.resendable(status, stats);
                if (status == notice.status() && stats.equals(notice.stats()) && resendable == notice.resendable()) {
                    return;
                }
                Update update = new Update().set("status", status).set("stats", stats).set("resendable", resendable);
                if (status != NoticeStatus.SENDING && notice.sentAt() == null) {
                    update.set("sentAt", Instant.now());
                }
                boolean written = mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)
                        .and("status").is(notice.status().name())), update, Notice.class).getMatchedCount() == 1;
                if (written) {
                    streams.noticeChanged(new NoticeSummary(noticeId, status, resendable, stats));
                    return;
                }
            }
        }
    }
}
