package com.propty.notice.notice;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends scheduled notices when their time comes, and finishes dispatches a crash interrupted. Both
 * take a notice with one conditional findAndModify, so several pollers or instances never send a
 * notice twice; the schedule lives in Mongo and survives a restart.
 */
@Component
class ScheduledSending {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);

    private final NoticeDispatch dispatch;
    private final Clock clock;

    ScheduledSending(NoticeDispatch dispatch, Clock clock) {
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${propty.notice.scheduler-interval-ms:1000}")
    void sendDueNotices() {
        try {
            Notice due;
            while ((due = dispatch.begin(Criteria.where("status").is(NoticeStatus.SCHEDULED.name())
                    .and("scheduledAt").lte(clock.instant()))) != null) {
                log.info("Sending scheduled notice {}", due.id());
                dispatch.runInBackground(due);
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled sending failed; next poll retries", e);
        }
    }

    @Scheduled(initialDelayString = "${propty.notice.recovery-initial-delay-ms:5000}",
            fixedDelayString = "${propty.notice.recovery-interval-ms:30000}")
    void resumeAbandonedDispatches() {
        try {
            Notice abandoned;
            while ((abandoned = dispatch.claimAbandoned()) != null) {
                log.info("Resuming the interrupted dispatch of notice {}", abandoned.id());
                dispatch.run(abandoned);
            }
        } catch (RuntimeException e) {
            log.warn("Resuming dispatches failed; next run retries", e);
        }
    }
}
