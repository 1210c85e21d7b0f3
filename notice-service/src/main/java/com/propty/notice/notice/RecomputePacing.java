package com.propty.notice.notice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often a notice's statistics may be recomputed: the recomputation reads every recipient of the notice, and on
 * the embedded store it scans the whole collection, so it grows with the data. After a recomputation that took
 * {@code d}, the next one for that notice waits {@code costFactor × d}: however slow it gets, it takes at most
 * {@code 1 / (1 + costFactor)} of the store's time per busy notice, and the statistics only lag more.
 */
final class RecomputePacing {

    private final int costFactor;
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();

    RecomputePacing(int costFactor) {
        this.costFactor = costFactor;
    }

    boolean due(String noticeId, long nowNanos) {
        Long next = notBefore.get(noticeId);
        return next == null || nowNanos - next >= 0;
    }

    void ran(String noticeId, long startedNanos, long finishedNanos) {
        notBefore.put(noticeId, finishedNanos + costFactor * Math.max(0, finishedNanos - startedNanos));
    }

    /** Forgets the notices whose wait is over, so the map holds only notices recomputed recently. */
    void forgetPast(long nowNanos) {
        notBefore.values().removeIf(next -> nowNanos - next >= 0);
    }
}
