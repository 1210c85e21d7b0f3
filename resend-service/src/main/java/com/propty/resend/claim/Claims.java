package com.propty.resend.claim;

import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.StatusRank;
import com.propty.events.Target;
import com.propty.resend.claim.ClaimStore.AttemptResult;
import com.propty.resend.claim.ClaimStore.StoredClaim;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.resend.policy.DeliveryState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Claims on channels being resent, one per (notice, recipient, channel, attempt), {@code id =
 * noticeId:recipientId:channel:attempt}, kept in a {@link ClaimStore}.
 *
 * <p>Why here, and why like this: resend-service is the one place that decides eligibility, and the embedded store
 * has no multi-document transactions. So a resend claims each target by inserting the claim of the attempt it is
 * about to send: the unique id lets exactly one of two concurrent resends have each (channel, attempt), and the other
 * drops that target, so no channel is ever sent twice for one failure. A claim is released when a result for its
 * attempt arrives (SENT counts: it is the attempt's answer), or, if its request was never published, after {@code
 * resend.claim-timeout}; the next resend of that channel then claims the attempt after it.
 *
 * <p>A claim keeps the latest result seen for its attempt, merged by {@link StatusRank} (rank first, so a late
 * lower-ranked result changes nothing), and the time of that result: the per-channel resend cooldown runs from it.
 * A version per notice moves whenever any of its claims is written, so a notice's claims read once can be kept while
 * it stands still ({@code CurrentDeliveries}): it moves after each write (a claim, also before it), and readers read
 * it before the claims.
 */
@Component
public class Claims {

    /**
     * Claims looked up beyond the attempt notice-service shows: it may not have projected the latest resends yet. A
     * claim further ahead is not seen, but cannot be claimed twice either: its insert collides.
     */
    static final int LOOKAHEAD = 3;
    private static final int LOOKUP_BATCH = 5_000;

    private final ClaimStore store;
    private final Duration timeout;
    private final Clock clock;

    public Claims(ClaimStore store, ClaimProperties properties, Clock clock) {
        this.store = store;
        this.timeout = properties.claimTimeout();
        this.clock = clock;
    }

    /**
     * Claims as read at one moment: by channel, and until when that reading holds without a write ({@code stableUntil},
     * when the first claim of the reading that was never published is abandoned; null when none can be).
     */
    public record Read(Map<ChannelKey, Claim> byChannel, Instant stableUntil) {
    }

    /** The version of the notice's claims, to read before the claims it versions; 0 before its first claim. */
    public long version(String noticeId) {
        return store.version(noticeId);
    }

    /**
     * The latest claim on each of these channels of a notice, as the policy sees it (key lookups only).
     *
     * @param projectedAttempts each channel's attempt as notice-service shows it; claims from there up to
     *                          {@link #LOOKAHEAD} attempts further are looked up
     */
    public Map<ChannelKey, Claim> of(String noticeId, Map<ChannelKey, Integer> projectedAttempts) {
        return read(noticeId, projectedAttempts).byChannel();
    }

    /** {@link #of}, with how long the reading holds. */
    public Read read(String noticeId, Map<ChannelKey, Integer> projectedAttempts) {
        Map<ChannelKey, Claim> claims = new HashMap<>();
        Instant stableUntil = null;
        if (projectedAttempts.isEmpty()) {
            return new Read(claims, null);
        }
        List<String> ids = new ArrayList<>();
        projectedAttempts.forEach((key, attempt) -> {
            for (int a = Math.max(2, attempt); a <= attempt + LOOKAHEAD; a++) {
                ids.add(ClaimStore.id(noticeId, key.recipientId(), key.channel(), a));
            }
        });
        Instant abandonedBefore = clock.instant().minus(timeout);
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            for (StoredClaim stored : store.find(ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH)))) {
                Claim claim = claim(stored, abandonedBefore);
                claims.merge(new ChannelKey(stored.recipientId(), stored.channel()), claim,
                        (a, b) -> b.attempt() > a.attempt() ? b : a);
                if (claim.inFlight() && !stored.published()) {
                    Instant abandonedAt = stored.claimedAt().plus(timeout);
                    stableUntil = stableUntil == null || abandonedAt.isBefore(stableUntil) ? abandonedAt : stableUntil;
                }
            }
        }
        return new Read(claims, stableUntil);
    }

    private static Claim claim(StoredClaim stored, Instant abandonedBefore) {
        boolean abandoned = !stored.published() && stored.claimedAt().isBefore(abandonedBefore);
        ClaimStore.Last last = stored.last();
        DeliveryState lastState = last == null ? null
                : new DeliveryState(last.status(), StatusRank.attemptOf(last.rank()), stored.address());
        return new Claim(stored.attempt(), stored.claimed() && !abandoned, lastState, last == null ? null : last.at());
    }

    /**
     * Claims each target for its attempt and returns those claimed by this call; the others were claimed by a
     * concurrent resend (their insert collided on the id) and must not be sent by this one.
     */
    public List<Target> claim(String noticeId, String resendId, List<Target> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<StoredClaim> claims = targets.stream().map(target -> new StoredClaim(id(noticeId, target), noticeId,
                target.recipientId(), target.channel(), target.attempt(), resendId, true, false, now, target.address(),
                null)).toList();
        Set<Integer> lost;
        // before and after: a reading kept from in between is not taken for the claims written here
        store.moveVersions(List.of(noticeId));
        try {
            lost = store.insertNew(claims);
        } finally {
            store.moveVersions(List.of(noticeId));
        }
        List<Target> claimed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!lost.contains(i)) {
                claimed.add(targets.get(i));
            }
        }
        return claimed;
    }

    /** The request for these targets is on the bus: their claims now wait for a result, with no timeout. */
    public void published(String noticeId, List<Target> targets) {
        change(noticeId, targets, store::markPublished);
    }

    /** The request for these targets could not be published: give the channels back. */
    public void abandon(String noticeId, List<Target> targets) {
        change(noticeId, targets, store::release);
    }

    /** Writes these targets' claims, then moves the notice's version. */
    private void change(String noticeId, List<Target> targets, Consumer<List<String>> write) {
        if (!targets.isEmpty()) {
            write.accept(ids(noticeId, targets));
            store.moveVersions(List.of(noticeId));
        }
    }

    /**
     * Results of resent attempts release the claim of their very attempt and record the newest result (merged by
     * StatusRank, so duplicates and reordering change nothing). Results of the first dispatch (attempt 1) have no
     * claim; a result whose claim does not exist changes nothing.
     */
    public void record(List<DeliveryResult> results) {
        List<AttemptResult> answers = new ArrayList<>();
        Set<String> notices = new LinkedHashSet<>();
        for (DeliveryResult result : results) {
            if (!result.isOfResend() || result.status() == null || result.status() == DeliveryStatus.PENDING) {
                continue;
            }
            notices.add(result.noticeId());
            answers.add(new AttemptResult(
                    ClaimStore.id(result.noticeId(), result.recipientId(), result.channel(), result.attempt()),
                    result.rank(), result.status(), result.occurredAt() == null ? clock.instant() : result.occurredAt()));
        }
        if (!answers.isEmpty()) {
            store.recordResults(answers);
            store.moveVersions(notices); // a redelivered batch moves them again
        }
    }

    private static List<String> ids(String noticeId, List<Target> targets) {
        return targets.stream().map(t -> id(noticeId, t)).toList();
    }

    private static String id(String noticeId, Target target) {
        return ClaimStore.id(noticeId, target.recipientId(), target.channel(), target.attempt());
    }
}
