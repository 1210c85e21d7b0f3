package com.propty.resend.claim;

import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where the claims and their per-notice version live (collections {@code claims} and {@code claim_versions} in
 * MongoDB, {@code store.MongoClaimStore}). Every write names its documents by id alone: on the embedded store a
 * filter with any other condition scans the whole collection, once per target.
 */
public interface ClaimStore {

    /** The stored claims among these ids; ids with none are left out. */
    List<StoredClaim> find(Collection<String> ids);

    /**
     * Inserts each claim unless its id is taken, and returns the positions (in {@code claims}) of those whose id was
     * taken: a concurrent resend has them.
     */
    Set<Integer> insertNew(List<StoredClaim> claims);

    /** The requests for these claims are on the bus. */
    void markPublished(Collection<String> ids);

    /** These claims are given back. */
    void release(Collection<String> ids);

    /**
     * Releases the claim of each result's attempt and merges the result into its latest ({@code $max} by rank, so a
     * late lower-ranked result changes nothing); a result without a claim changes nothing (no upsert).
     */
    void recordResults(List<AttemptResult> results);

    /** The notice's claims version, 0 before its first claim. */
    long version(String noticeId);

    /** Moves the version of each of these notices. */
    void moveVersions(Collection<String> noticeIds);

    /** A claim as stored; {@code last} is null until a result for its attempt arrives. */
    record StoredClaim(String id, String noticeId, String recipientId, Channel channel, int attempt, String resendId,
            boolean claimed, boolean published, Instant claimedAt, String address, Last last) {
    }

    /** The latest result seen for a claimed attempt: its rank ({@code StatusRank}), status and time. */
    record Last(long rank, DeliveryStatus status, Instant at) {
    }

    /** A result for the claim {@code claimId}. */
    record AttemptResult(String claimId, long rank, DeliveryStatus status, Instant at) {
    }

    /** Builds a claim's id from its channel and attempt. */
    static String id(String noticeId, String recipientId, Channel channel, int attempt) {
        return noticeId + ":" + recipientId + ":" + channel + ":" + attempt;
    }
}
