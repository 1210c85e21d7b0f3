package com.propty.notice.notice;

import java.time.Instant;

/**
 * What the scheduler does with a queue entry that came due, given the notice as it is now (read by key). Pure, so
 * every case is tested without a store. The queues only say where to look; the notice decides, and the write that
 * sends or resumes a notice stays one conditional findAndModify on it, so an entry that is stale, duplicated or
 * left by a crash can make a notice neither go twice nor be skipped.
 */
final class QueueEntryRules {

    enum Step {
        /** Take the notice with the conditional write (send it, or take over its dispatch), then drop the entry. */
        TAKE,
        /** Drop the entry: the notice will never need it again (sent, dispatched or gone). */
        REMOVE,
        /** Drop the entry unless it was written since it was read (the notice is not waiting for it now). */
        REMOVE_IF_UNCHANGED,
        /** Move the entry to {@link Decision#at()}: the notice is due later than the entry said. */
        POSTPONE
    }

    record Decision(Step step, Instant at) {
        static Decision of(Step step) {
            return new Decision(step, null);
        }
    }

    private QueueEntryRules() {
    }

    /** For a due {@code notice_schedule} entry. */
    static Decision scheduled(Notice notice, Instant now) {
        if (notice == null || notice.status().isSent()) {
            return Decision.of(Step.REMOVE);
        }
        if (notice.status() != NoticeStatus.SCHEDULED || notice.scheduledAt() == null) {
            // a draft: cancelled, or a schedule request died before (or is between) its writes, and writes again
            return Decision.of(Step.REMOVE_IF_UNCHANGED);
        }
        return notice.scheduledAt().isAfter(now) ? new Decision(Step.POSTPONE, notice.scheduledAt())
                : Decision.of(Step.TAKE);
    }

    /** For a {@code notice_dispatches} entry whose lease ended. */
    static Decision underWay(Notice notice, Instant now) {
        Notice.Dispatch dispatch = notice == null ? null : notice.dispatch();
        if (dispatch == null) {
            // a send that died before its notice turned SENDING (or lost the race for it): nothing to resume
            return Decision.of(Step.REMOVE_IF_UNCHANGED);
        }
        if (dispatch.dispatched()) {
            return Decision.of(Step.REMOVE);
        }
        return dispatch.leaseUntil().isBefore(now) ? Decision.of(Step.TAKE)
                : new Decision(Step.POSTPONE, dispatch.leaseUntil());
    }
}
