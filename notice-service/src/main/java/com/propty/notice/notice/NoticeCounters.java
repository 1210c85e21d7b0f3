package com.propty.notice.notice;

import java.util.Collection;
import java.util.Map;

/**
 * The counters of each sent notice, by its id ({@code store.MongoNoticeCounters}): the audience's combinations as
 * dispatched ({@code base}, written once by the dispatch), the changes since ({@code deltas}, written only by the
 * projection that owns the notice's partition) and, per topic-partition, the last offset those deltas include
 * ({@code offsets}).
 */
public interface NoticeCounters {

    /** A notice's counters as stored; {@link #offsets} are by {@code topic-partition}. */
    record Counters(String noticeId, CombinationCounts base, CombinationCounts deltas, Map<String, Long> offsets) {

        public static Counters fresh(String noticeId, CombinationCounts base) {
            return new Counters(noticeId, base, CombinationCounts.empty(), Map.of());
        }

        public CombinationCounts total() {
            return base.plus(deltas);
        }

        /** Whether the deltas already include the record at this position (a redelivered batch). */
        public boolean includes(String topicPartition, long offset) {
            Long last = offsets.get(topicPartition);
            return last != null && offset <= last;
        }
    }

    /** The counters of these notices, by notice id; notices without any are left out. */
    Map<String, Counters> byIds(Collection<String> noticeIds);

    /** The notice's counters, or null when it has none (not sent). */
    Counters byId(String noticeId);

    /** The audience as dispatched; repeating it (a resumed dispatch) writes the same base. */
    void setBase(String noticeId, CombinationCounts base);

    /**
     * Writes the deltas and offsets of these notices, each as a whole (the projection owning a notice is its only
     * writer of both), in one unordered bulk; the base is left alone.
     */
    void writeDeltas(Collection<Counters> counters);
}
