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

    /** The attempt a rank was made of: the inverse of {@link #of} for its attempt (stores keep the rank alone). */
    public static int attemptOf(long rank) {
        return (int) (rank / 10);
    }
}
