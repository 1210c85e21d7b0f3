package com.propty.notice.notice;

import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.QuietHours;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.kit.messaging.EventPublisher;
import com.propty.kit.tracing.TracedExecutors;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.Residents;
import com.propty.notice.changes.LiveUpdates;
import com.propty.notice.property.PropertySettingsService;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first dispatch of a notice, built to hold no audience in memory and to survive a crash:
 * <ol>
 * <li>one conditional findAndModify moves the notice to SENDING with a new dispatch id and a lease;</li>
 * <li>the audience is streamed in id order, a page at a time, into recipient documents (idempotent upserts);</li>
 * <li>the notice's counters get their base (the audience's states), and the target totals, stats and status are
 * fixed on the notice, before any chunk goes out;</li>
 * <li>the targets are read back in the audience's order (fixed in {@code AudienceIndex}) and published in chunks
 * of at most
 * {@code dispatch-chunk-size}; {@code dispatched} turns true when the broker has them all.</li>
 * </ol>
 * Repeating any step gives the same documents and the same chunks (same event ids), which is what
 * lets the recovery job finish a dispatch whose sender died; delivery-service dedups sends by
 * attempt id, recipient and channel. The recovery job finds those dispatches in {@link DispatchesUnderWay}, whose
 * entry is written before the notice turns SENDING and removed once {@code dispatched} is true.
 */
@Component
public class NoticeDispatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatch.class);
    private static final int PAGE = 1000;

    private final NoticeStore notices;
    private final Residents residents;
    private final AudienceStore recipients;
    private final NoticeCounters counters;
    private final LiveUpdates liveUpdates;
    private final EventPublisher publisher;
    private final int chunkSize;
    private final Duration lease;
    private final ExecutorService executor;
    private final Clock clock;
    private final SendSchedule schedule;
    private final DispatchesUnderWay underWay;
    private final PropertySettingsService settings;

    public NoticeDispatch(NoticeStore notices, Residents residents, AudienceStore recipients, NoticeCounters counters,
            LiveUpdates liveUpdates,
            EventPublisher publisher, DispatchProperties properties, Clock clock, SendSchedule schedule,
            DispatchesUnderWay underWay, PropertySettingsService settings) {
        this.notices = notices;
        this.settings = settings;
        this.schedule = schedule;
        this.underWay = underWay;
        this.residents = residents;
        this.recipients = recipients;
        this.counters = counters;
        this.liveUpdates = liveUpdates;
        this.publisher = publisher;
        this.chunkSize = Math.max(1, Math.min(properties.dispatchChunkSize(), Topics.CHUNK_SIZE));
        this.lease = Duration.ofMillis(properties.dispatchLeaseMs());
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        // a dispatch runs in the trace of the request that sent the notice (README "Tracing and logs")
        this.executor = TracedExecutors.inSubmittersTrace(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "notice-dispatch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** A manager's send: a draft or a scheduled notice moves to SENDING (see {@link #begin}); null when it is neither. */
    public Notice beginNow(String noticeId) {
        return begin(noticeId, Set.of(NoticeStatus.DRAFT, NoticeStatus.SCHEDULED), null);
    }

    /** The scheduler's send: a notice still SCHEDULED and due at {@code now} moves to SENDING; null when it is not. */
    public Notice beginScheduled(String noticeId, Instant now) {
        return begin(noticeId, Set.of(NoticeStatus.SCHEDULED), now);
    }

    /**
     * Moves the notice to SENDING with a fresh dispatch if it is in one of these states (and due by {@code dueBy}, when
     * given); null when it is not. Its entry in {@link DispatchesUnderWay} is written first, with the same lease, so a
     * crash after the notice's write leaves what the recovery job needs; once it is SENDING it is no longer scheduled.
     */
    private Notice begin(String noticeId, Set<NoticeStatus> from, Instant dueBy) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        underWay.hold(noticeId, leaseUntil);
        Notice sending = notices.beginDispatch(noticeId, from, dueBy, new Notice.Dispatch(UUID.randomUUID().toString(),
                false, 0, 0, false, leaseUntil, now), now);
        if (sending != null) {
            schedule.remove(noticeId);
        }
        return sending;
    }

    /**
     * Takes over the notice's unfinished dispatch if its lease ran out (its sender crashed or stalled); null when
     * it did not. The lease is taken with one conditional write, so only one instance wins.
     */
    public Notice claimAbandoned(String noticeId) {
        Instant now = clock.instant();
        Notice claimed = notices.takeAbandonedDispatch(noticeId, now, now.plus(lease));
        if (claimed != null) {
            underWay.hold(noticeId, claimed.dispatch().leaseUntil());
        }
        return claimed;
    }

    public void runInBackground(Notice notice) {
        executor.execute(() -> {
            try {
                run(notice);
            } catch (RuntimeException e) {
                // The lease expires and the recovery job finishes the dispatch.
                log.error("Dispatch of notice {} failed; recovery will resume it", notice.id(), e);
            }
        });
    }

    public void run(Notice notice) {
        long started = System.nanoTime();
        Notice.Dispatch dispatch = notice.dispatch();
        if (!dispatch.audienceStored()) {
            CombinationCounts audience = storeAudience(notice);
            counters.setBase(notice.id(), audience);
            DeliveryStats stats = DeliveryStats.of(audience.combinations());
            // The stats and status as dispatched, in the write that fixes the targets: no result can arrive before
            // it (no chunk is out yet), and a notice whose whole audience opted out is SENT at once.
            NoticeSummary shown = NoticeProgress.outcome(notice, audience);
            notices.audienceStored(notice.id(), stats.email().pending(), stats.sms().pending(),
                    shown == null ? null : NoticeProgress.shown(notice, shown, clock.instant()));
            if (shown != null) {
                liveUpdates.noticeChanged(notice.id());
            }
            notice = notices.find(notice.id());
            dispatch = notice.dispatch();
        }
        int chunks = publishChunks(notice, dispatch);
        notices.dispatched(notice.id());
        underWay.remove(notice.id()); // a crash before this leaves an entry the recovery job drops
        log.info("Dispatched notice {}: {} email and {} SMS targets in {} chunks ({} ms)", notice.id(),
                dispatch.emailTargets(), dispatch.smsTargets(), chunks, (System.nanoTime() - started) / 1_000_000);
    }

    /** The notice's audience as its residents are now, stored in one pass (it fits in memory: ids and contacts). */
    private CombinationCounts storeAudience(Notice notice) {
        List<Resident> audience = new ArrayList<>();
        if (notice.recipientIds() == null) {
            String after = null;
            List<Resident> page;
            do {
                page = residents.activeAfter(notice.propertyId(), after, PAGE);
                audience.addAll(page);
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
        } else {
            List<String> ids = notice.recipientIds();
            for (int from = 0; from < ids.size(); from += PAGE) {
                audience.addAll(residents.activeAmong(notice.propertyId(),
                        ids.subList(from, Math.min(ids.size(), from + PAGE))));
            }
        }
        return recipients.storeAudience(notice.id(), notice.channels(), audience, clock.instant());
    }

    /**
     * The chunks carry the property's SMS quiet hours as they are when the chunks go out (none for an urgent notice):
     * delivery-service holds an SMS due inside them (README "Never at night").
     */
    private int publishChunks(Notice notice, Notice.Dispatch dispatch) {
        QuietHours quietHours = notice.urgent() != null ? null : settings.quietHours(notice.propertyId());
        ChannelTotals totals = new ChannelTotals((int) dispatch.emailTargets(), (int) dispatch.smsTargets());
        int targetCount = totals.email() + totals.sms();
        int chunkCount = (targetCount + chunkSize - 1) / chunkSize;
        Content content = new Content(notice.title(), notice.body(), notice.effectiveSmsText());
        List<Target> chunk = new ArrayList<>(chunkSize);
        int[] chunkIndex = {0};
        recipients.forEachFirstTargets(notice.id(), targets -> {
            for (Target target : targets) {
                chunk.add(target);
                if (chunk.size() == chunkSize) {
                    publish(notice, dispatch, content, chunk, chunkIndex[0]++, chunkCount, totals, quietHours);
                    chunk.clear();
                }
            }
        });
        if (!chunk.isEmpty()) {
            publish(notice, dispatch, content, chunk, chunkIndex[0]++, chunkCount, totals, quietHours);
        }
        if (chunkIndex[0] != chunkCount) {
            log.warn("Notice {}: published {} chunks, expected {}", notice.id(), chunkIndex[0], chunkCount);
        }
        return chunkIndex[0];
    }

    private void publish(Notice notice, Notice.Dispatch dispatch, Content content, List<Target> targets,
            int chunkIndex, int chunkCount, ChannelTotals totals, QuietHours quietHours) {
        NoticeDispatchRequested event = NoticeDispatchRequested.of(dispatch.dispatchId(), notice.id(),
                notice.propertyId(), content, targets, chunkIndex, chunkCount, totals, quietHours);
        publisher.publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice.id(), chunkIndex), event);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
