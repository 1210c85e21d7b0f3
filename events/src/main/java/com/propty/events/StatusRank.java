package com.propty.events;

/**
 * The one merge rule for channel states, used by every projection (CONTRACT §2): a result of an
 * older attempt never overwrites a newer attempt, and within one attempt the higher
 * {@link DeliveryStatus#rank()} wins.
 *
 * <p>The rank is a single number so that stores can apply the rule atomically with {@code $max}.
 */
public final class StatusRank {

    private StatusRank() {
    }

    public static long of(int attempt, DeliveryStatus status) {
        return attempt * 10L + status.rank();
    }

    /** Whether a state (attempt, status) should replace the current one of rank {@code currentRank}. */
    public static boolean supersedes(int attempt, DeliveryStatus status, long currentRank) {
        return of(attempt, status) > currentRank;
    }
}
