package com.propty.notice.notice;

import java.time.Instant;
import java.util.List;

/**
 * The scheduled notices not yet sent ({@code store.MongoSendSchedule}, one entry per notice), so the poller reads
 * these and not every notice ever sent (the embedded store scans a collection for any query but a key lookup). An
 * entry is a hint, never the truth: its {@code sendAt} is at most the notice's {@code scheduledAt}, and what is done
 * with it is decided from the notice read by key ({@link QueueEntryRules}). {@code token} changes with every schedule
 * request, so the poller's conditional writes lose to a request that wrote the entry after the poller read it.
 */
public interface SendSchedule {

    /** One scheduled notice: look at it from {@code sendAt} on. */
    record Entry(String noticeId, Instant sendAt, String token) {
    }

    /** Written before and again after the notice's own write, so a scheduled notice always has an entry. */
    void add(String noticeId, Instant sendAt);

    /** A cancelled notice's entry comes due now, so the next poll removes it (not in a write racing a new schedule). */
    void lookNow(String noticeId, Instant now);

    /** Up to {@code limit} entries due by {@code now}. */
    List<Entry> dueBy(Instant now, int limit);

    /** Unconditionally: for a notice that will never be scheduled again (sent, sending or gone). */
    void remove(String noticeId);

    /** Only if no schedule request wrote the entry since it was read. */
    void removeIfUnchanged(Entry entry);

    /** The entry moves to the notice's later time, only if no schedule request wrote it since it was read. */
    void postponeIfUnchanged(Entry entry, Instant sendAt);
}
