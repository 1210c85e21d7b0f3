package com.propty.notice.notice;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends scheduled notices when their time comes, and finishes dispatches a crash interrupted. Both
 * take a notice with one conditional findAndModify, so several pollers or instances never send a
 * notice twice; the schedule lives in Mongo and survives a restart. Each job reads its queue
 * ({@link SendSchedule}, {@link DispatchesUnderWay}: only the work in hand) and then each due notice by key, so
 * its cost does not grow with the notices ever sent; {@link QueueEntryRules} decides what an entry means.
 * At start-up the queues are filled from the notices once ({@link #run}): notices scheduled or under way before
 * the queues existed, or left without an entry by a double fault.
 */
@Component
class ScheduledSending implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);
    static final int BATCH = 500;

    private final NoticeDispatch dispatch;
    private final SendSchedule schedule;
    private final DispatchesUnderWay underWay;
    private final NoticeStore notices;
    private final Clock clock;

    ScheduledSending(NoticeDispatch dispatch, SendSchedule schedule, DispatchesUnderWay underWay, NoticeStore notices,
            Clock clock) {
        this.dispatch = dispatch;
        this.schedule = schedule;
        this.underWay = underWay;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${propty.notice.scheduler-interval-ms:1000}")
    void sendDueNotices() {
        try {
            Instant now = clock.instant();
            schedule.dueBy(now, BATCH).forEach(entry -> sendIfDue(entry, now));
        } catch (RuntimeException e) {
            log.warn("Scheduled sending failed; next poll retries", e);
        }
    }

    private void sendIfDue(SendSchedule.Entry entry, Instant now) {
        QueueEntryRules.Decision decision = QueueEntryRules.scheduled(notices.find(entry.noticeId()), now);
        switch (decision.step()) {
            case TAKE -> {
                Notice due = dispatch.beginScheduled(entry.noticeId(), now);
                if (due != null) { // else cancelled, rescheduled or sent meanwhile: the next poll sees it
                    log.info("Sending scheduled notice {}", due.id());
                    dispatch.runInBackground(due);
                }
            }
            case REMOVE -> schedule.remove(entry.noticeId());
            case REMOVE_IF_UNCHANGED -> schedule.removeIfUnchanged(entry);
            case POSTPONE -> schedule.postponeIfUnchanged(entry, decision.at());
        }
    }

    @Scheduled(initialDelayString = "${propty.notice.recovery-initial-delay-ms:5000}",
            fixedDelayString = "${propty.notice.recovery-interval-ms:30000}")
    void resumeAbandonedDispatches() {
        try {
            Instant now = clock.instant();
            underWay.leaseEndedBefore(now, BATCH).forEach(entry -> resumeIfAbandoned(entry, now));
        } catch (RuntimeException e) {
            log.warn("Resuming dispatches failed; next run retries", e);
        }
    }

    private void resumeIfAbandoned(DispatchesUnderWay.Entry entry, Instant now) {
        QueueEntryRules.Decision decision = QueueEntryRules.underWay(notices.find(entry.noticeId()), now);
        switch (decision.step()) {
            case TAKE -> {
                Notice abandoned = dispatch.claimAbandoned(entry.noticeId());
                if (abandoned != null) { // else another instance took it first
                    log.info("Resuming the interrupted dispatch of notice {}", abandoned.id());
                    dispatch.run(abandoned);
                }
            }
            case REMOVE -> underWay.remove(entry.noticeId());
            case REMOVE_IF_UNCHANGED -> underWay.removeIfUnchanged(entry);
            case POSTPONE -> underWay.hold(entry.noticeId(), decision.at());
        }
    }

    /**
     * Fills both queues from the notices, once per start: one query each (real MongoDB serves them from the notices'
     * indexes; the embedded store scans the notices, once). Writing an entry that exists changes nothing the
     * jobs rely on ({@code $min} of the send time, {@code $max} of the lease).
     */
    @Override
    public void run(ApplicationArguments args) {
        enqueueExisting();
    }

    void enqueueExisting() {
        int scheduled = 0;
        int underWayCount = 0;
        for (Notice notice : notices.scheduled()) {
            if (notice.scheduledAt() != null) {
                schedule.add(notice.id(), notice.scheduledAt());
                scheduled++;
            }
        }
        for (Notice notice : notices.dispatchesNotDone()) {
            underWay.hold(notice.id(), notice.dispatch().leaseUntil());
            underWayCount++;
        }
        log.info("Queued {} scheduled notices and {} dispatches under way found in the notices", scheduled,
                underWayCount);
    }
}
