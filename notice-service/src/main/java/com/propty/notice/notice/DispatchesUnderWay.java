package com.propty.notice.notice;

import java.time.Instant;
import java.util.List;

/**
 * The first dispatches not finished yet ({@code store.MongoDispatchesUnderWay}, one entry per notice, with a copy of
 * the dispatch's lease), so the recovery job reads these and not every notice ever sent. Written before the notice
 * turns SENDING and removed once every chunk is on the broker; the lease on the notice stays the truth ({@link
 * QueueEntryRules}). Every write of {@code leaseUntil} only raises it, with a time past now, so the job's conditional
 * removal loses to a dispatch that began after the job read the entry.
 */
public interface DispatchesUnderWay {

    /** One dispatch under way: nobody need look at it before {@code leaseUntil}. */
    record Entry(String noticeId, Instant leaseUntil) {
    }

    /** Before a dispatch begins, or when its lease is taken or seen extended. */
    void hold(String noticeId, Instant leaseUntil);

    /** Up to {@code limit} entries whose lease ended before {@code now}. */
    List<Entry> leaseEndedBefore(Instant now, int limit);

    /** Unconditionally: the notice's dispatch is done (a notice is dispatched once). */
    void remove(String noticeId);

    /** Only if no dispatch began (or took the lease) since the entry was read. */
    void removeIfUnchanged(Entry entry);
}
