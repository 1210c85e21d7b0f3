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

    /** A draft's new content; {@code smsText} or {@code recipientIds} null go back to their defaults. */
    Notice editDraft(String noticeId, NoticeDraftRules.Draft draft, Instant at);

    /** Deletes the notice if it is a draft; false when it is not (or no longer) one. */
    boolean deleteDraft(String noticeId);

    /** A draft, or an already scheduled notice, is SCHEDULED at {@code sendAt}. */
    Notice schedule(String noticeId, Instant sendAt, Instant at);

    /** A scheduled notice is a draft again. */
    Notice unschedule(String noticeId, Instant at);

    Notice markUrgent(String noticeId, Notice.Urgent urgent, Instant at);

    Notice removeUrgency(String noticeId, Instant at);
}
