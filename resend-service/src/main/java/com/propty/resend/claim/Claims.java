package com.propty.resend.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.StatusRank;
import com.propty.events.Target;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.resend.policy.DeliveryState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claims on channels being resent, one document per (notice, recipient, channel, attempt) in the collection
 * {@code claims}, {@code _id = noticeId:recipientId:channel:attempt}.
 *
 * <p>Why here, and why like this: resend-service is the one place that decides eligibility, and the embedded store
 * has no multi-document transactions. So a resend claims each target by inserting the claim of the attempt it is
 * about to send: the unique {@code _id} lets exactly one of two concurrent resends have each (channel, attempt), and
 * the other drops that target, so no channel is ever sent twice for one failure. Every write after that names its
 * document by {@code _id} alone — on the embedded store a filter with any other condition scans the whole
 * collection, once per target. A claim is released when a result for its attempt arrives (SENT counts: it is the
 * attempt's answer), or, if its request was never published, after {@code resend.claim-timeout}; the next resend of
 * that channel then claims the attempt after it.
 *
 * <p>Document: {@code {noticeId, recipientId, channel, attempt, resendId, state: CLAIMED|RELEASED, published,
 * claimedAt, address, last: {rank, status, at}}} where {@code last} is the latest result seen for that attempt,
 * merged with {@code $max} by {@link StatusRank} (rank first, so a late lower-ranked result changes nothing), and
 * {@code at} the time of that result: the per-channel resend cooldown runs from it.
 */
@Component
public class Claims {

    static final String COLLECTION = "claims";
    static final String CLAIMED = "CLAIMED";
    static final String RELEASED = "RELEASED";
    /**
     * Claims looked up beyond the attempt notice-service shows: it may not have projected the latest resends yet. A
     * claim further ahead is not seen, but cannot be claimed twice either: its insert collides.
     */
    static final int LOOKAHEAD = 3;
    private static final int LOOKUP_BATCH = 5_000;

    private final MongoTemplate mongo;
    private final ClaimVersions versions;
    private final Duration timeout;
    private final Clock clock;

    public Claims(MongoTemplate mongo, ClaimVersions versions,
            ClaimProperties properties, Clock clock) {
        this.mongo = mongo;
        this.versions = versions;
        this.timeout = properties.claimTimeout();
        this.clock = clock;
    }

    /**
     * Claims as read at one moment: by channel, and until when that reading holds without a write ({@code stableUntil},
     * when the first claim of the reading that was never published is abandoned; null when none can be).
     */
    public record Read(Map<ChannelKey, Claim> byChannel, Instant stableUntil) {
    }

    public static String id(String noticeId, String recipientId, Channel channel, int attempt) {
        return noticeId + ":" + recipientId + ":" + channel + ":" + attempt;
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
                ids.add(id(noticeId, key.recipientId(), key.channel(), a));
            }
        });
        Instant abandonedBefore = clock.instant().minus(timeout);
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
            for (Document doc : mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, COLLECTION)) {
                ChannelKey key = new ChannelKey(doc.getString("recipientId"), Channel.valueOf(doc.getString("channel")));
                Claim claim = claim(doc, abandonedBefore);
                claims.merge(key, claim, (a, b) -> b.attempt() > a.attempt() ? b : a);
                if (claim.inFlight() && !Boolean.TRUE.equals(doc.getBoolean("published"))) {
                    Instant abandonedAt = doc.getDate("claimedAt").toInstant().plus(timeout);
                    stableUntil = stableUntil == null || abandonedAt.isBefore(stableUntil) ? abandonedAt : stableUntil;
                }
            }
        }
        return new Read(claims, stableUntil);
    }

    private static Claim claim(Document doc, Instant abandonedBefore) {
        boolean claimed = CLAIMED.equals(doc.getString("state"));
        boolean abandoned = !Boolean.TRUE.equals(doc.getBoolean("published"))
                && doc.getDate("claimedAt").toInstant().isBefore(abandonedBefore);
        Document last = doc.get("last", Document.class);
        DeliveryState lastState = null;
        if (last != null) {
            long rank = ((Number) last.get("rank")).longValue();
            lastState = new DeliveryState(DeliveryStatus.valueOf(last.getString("status")), StatusRank.attemptOf(rank),
                    doc.getString("address"));
        }
        Date lastAt = last == null ? null : last.getDate("at");
        return new Claim(doc.getInteger("attempt"), claimed && !abandoned, lastState,
                lastAt == null ? null : lastAt.toInstant());
    }

    /**
     * Claims each target for its attempt and returns those claimed by this call; the others were claimed by a
     * concurrent resend (their insert collided on {@code _id}) and must not be sent by this one.
     */
    public List<Target> claim(String noticeId, String resendId, List<Target> targets) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> docs = targets.stream().map(target -> new Document("_id",
                id(noticeId, target.recipientId(), target.channel(), target.attempt()))
                .append("noticeId", noticeId).append("recipientId", target.recipientId())
                .append("channel", target.channel().name()).append("attempt", target.attempt())
                .append("resendId", resendId).append("state", CLAIMED).append("published", false)
                .append("claimedAt", now).append("address", target.address())).toList();
        Set<Integer> lost = new HashSet<>();
        // before and after (ClaimVersions): a reading kept from in between is not taken for the claims written here
        versions.moved(List.of(noticeId));
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(error.getIndex());
            }
        } finally {
            versions.moved(List.of(noticeId));
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
        update(noticeId, targets, new Update().set("published", true));
    }

    /** The request for these targets could not be published: give the channels back. */
    public void abandon(String noticeId, List<Target> targets) {
        update(noticeId, targets, new Update().set("state", RELEASED));
    }

    private void update(String noticeId, List<Target> targets, Update update) {
        if (targets.isEmpty()) {
            return;
        }
        List<String> ids = targets.stream().map(t -> id(noticeId, t.recipientId(), t.channel(), t.attempt())).toList();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), update, COLLECTION);
        versions.moved(List.of(noticeId));
    }

    /**
     * Results of resent attempts release the claim of their very attempt and record the newest result (merged by
     * StatusRank, so duplicates and reordering change nothing). Results of the first dispatch (attempt 1) have no
     * claim; a result whose claim does not exist changes nothing (no upsert).
     */
    public void record(List<DeliveryResult> results) {
        BulkOperations bulk = null;
        Set<String> notices = new HashSet<>();
        for (DeliveryResult result : results) {
            if (!result.isOfResend() || result.status() == null || result.status() == DeliveryStatus.PENDING) {
                continue;
            }
            if (bulk == null) {
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            }
            notices.add(result.noticeId());
            String id = id(result.noticeId(), result.recipientId(), result.channel(), result.attempt());
            Instant at = result.occurredAt() == null ? clock.instant() : result.occurredAt();
            bulk.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().set("state", RELEASED)
                    .max("last", new Document("rank", result.rank()).append("status", result.status().name())
                            .append("at", Date.from(at))));
        }
        if (bulk != null) {
            bulk.execute();
            versions.moved(notices); // a redelivered batch moves them again
        }
    }
}
