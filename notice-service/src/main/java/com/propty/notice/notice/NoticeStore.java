package com.propty.notice.notice;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The notices, keyed by id ({@code store.MongoNoticeStore}), as the use cases of {@link Notices} change them: every
 * change is one conditional write on the notice's id (a draft edited only while it is a draft, scheduled only from
 * draft or scheduled), answering the notice as it now is, or null when the notice had moved on meanwhile. Key lookups
 * only, but for the one-time list of a property's older notices.
 */
public interface NoticeStore {

    Notice insert(Notice notice);

    /** The notice, or null when there is none with this id. */
    Notice find(String noticeId);

    /** The notices with these ids; ids of none are left out. */
    List<Notice> all(Set<String> noticeIds);

    /** The ids of a property's notices by a scan: once per property, to build its list ({@link PropertyNotices}). */
    List<String> idsOfProperty(String propertyId);

    /** Every scheduled notice, by a query: once per start, to fill the send schedule ({@link ScheduledSending}). */
    List<Notice> scheduled();

    /** Every notice whose first dispatch is not done, by a query: once per start, to fill {@link DispatchesUnderWay}. */
    List<Notice> dispatchesNotDone();

    /** A draft's new content; {@code smsText} or {@code recipientIds} null go back to their defaults. */
    Notice editDraft(String noticeId, NoticeDraftRules.Draft draft, Instant at);

    /** Deletes the notice if it is a draft; false when it is not (or no longer) one. */
    boolean deleteDraft(String noticeId);

    /** A draft, or an already scheduled notice, is SCHEDULED at {@code sendAt}. */
    Notice schedule(String noticeId, Instant sendAt, Instant at);

    /** A scheduled notice is a draft again. */
    Notice unschedule(String noticeId, Instant at);

    /**
     * Moves the notice to SENDING with this fresh dispatch (stats back to none, not resendable) if its status is one of
     * {@code from} and, when {@code dueBy} is given, it is scheduled at or before it; null when it is not.
     */
    Notice beginDispatch(String noticeId, Set<NoticeStatus> from, Instant dueBy, Notice.Dispatch dispatch, Instant at);

    /**
     * Extends the lease of the notice's first dispatch to {@code leaseUntil} if it is unfinished and its lease ran out
     * before {@code now}; null when it did not (one conditional write, so only one instance wins).
     */
    Notice takeAbandonedDispatch(String noticeId, Instant now, Instant leaseUntil);

    /** The dispatch's audience is stored, with its targets per channel; and what the notice shows, if it changed. */
    void audienceStored(String noticeId, long emailTargets, long smsTargets, Shown shown);

    /** Every chunk of the notice's first dispatch is on the broker. */
    void dispatched(String noticeId);

    /** What the notice shows now (its status, stats and resendable flag). */
    void show(String noticeId, Shown shown);

    /** What a sent notice shows, and when it was sent if that is first known now (else null). */
    record Shown(NoticeSummary summary, Instant sentAt) {
    }

    Notice markUrgent(String noticeId, Notice.Urgent urgent, Instant at);

    Notice removeUrgency(String noticeId, Instant at);
}
