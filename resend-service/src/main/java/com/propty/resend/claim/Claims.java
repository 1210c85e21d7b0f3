package com.propty.resend.claim;

import com.mongodb.bulk.BulkWriteError;
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
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Claims on channels being resent, one document per (notice, recipient, channel) in the collection
 * {@code claims}, {@code _id = noticeId:recipientId:channel}.
 *
 * <p>Why here, and why like this: resend-service is the one place that decides eligibility, and the
 * embedded store has no multi-document transactions. So a resend claims each target with a
 * single-document conditional write (insert, or update only where the stored attempt is the one the
 * policy saw AND the claim was answered or abandoned). Two managers resending at once both try; for
 * each channel exactly one write succeeds and the other request drops that target, so no channel is
 * ever sent twice for one failure. A claim is released when a result for its attempt arrives (SENT
 * counts: it is the attempt's answer), or, if its request was never published, after
 * {@code resend.claim-timeout}.
 *
 * <p>Document: {@code {noticeId, recipientId, channel, attempt, resendId, state: CLAIMED|RELEASED,
 * published, claimedAt, address, last: {rank, status}}} where {@code last} is the latest result seen
 * for the claimed attempt, merged with {@code $max} by {@link StatusRank}.
 */
@Component
public class Claims {

    static final String COLLECTION = "claims";
    static final String CLAIMED = "CLAIMED";
    static final String RELEASED = "RELEASED";

    private final MongoTemplate mongo;
    private final Duration timeout;
    private final Clock clock;

    public Claims(MongoTemplate mongo, @Value("${resend.claim-timeout:PT2M}") Duration timeout, Clock clock) {
        this.mongo = mongo;
        this.timeout = timeout;
        this.clock = clock;
    }

    public static String id(String noticeId, String recipientId, Channel channel) {
        return noticeId + ":" + recipientId + ":" + channel;
    }

    /** The claims on the given channels of a notice, as the policy sees them (key lookups only). */
    public Map<ChannelKey, Claim> of(String noticeId, Collection<ChannelKey> channels) {
        if (channels.isEmpty()) {
            return Map.of();
        }
        List<String> ids = channels.stream().map(k -> id(noticeId, k.recipientId(), k.channel())).toList();
        Instant abandonedBefore = clock.instant().minus(timeout);
        Map<ChannelKey, Claim> claims = new HashMap<>();
        for (Document doc : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
            ChannelKey key = new ChannelKey(doc.getString("recipientId"), Channel.valueOf(doc.getString("channel")));
            int attempt = doc.getInteger("attempt");
            boolean claimed = CLAIMED.equals(doc.getString("state"));
            boolean abandoned = !Boolean.TRUE.equals(doc.getBoolean("published"))
                    && doc.getDate("claimedAt").toInstant().isBefore(abandonedBefore);
            Document last = doc.get("last", Document.class);
            DeliveryState lastState = null;
            if (last != null) {
                long rank = ((Number) last.get("rank")).longValue();
                lastState = new DeliveryState(DeliveryStatus.valueOf(last.getString("status")), (int) (rank / 10),
                        doc.getString("address"));
            }
            claims.put(key, new Claim(attempt, claimed && !abandoned, lastState));
        }
        return claims;
    }

    /**
     * Claims each target for its attempt and returns those claimed by this call; the others were taken
     * by a concurrent resend (or answered meanwhile) and must not be sent by this one.
     *
     * @param seen the claims the policy decided on: a target whose channel had one is re-claimed only
     *             if that claim still has the attempt the policy saw.
     */
    public List<Target> claim(String noticeId, String resendId, List<Target> targets, Map<ChannelKey, Claim> seen) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Date abandonedBefore = Date.from(now.minus(timeout));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Target target : targets) {
            String id = id(noticeId, target.recipientId(), target.channel());
            Claim before = seen.get(new ChannelKey(target.recipientId(), target.channel()));
            if (before == null) {
                bulk.insert(new Document("_id", id).append("noticeId", noticeId)
                        .append("recipientId", target.recipientId()).append("channel", target.channel().name())
                        .append("attempt", target.attempt()).append("resendId", resendId).append("state", CLAIMED)
                        .append("published", false).append("claimedAt", Date.from(now))
                        .append("address", target.address()));
            } else {
                // Misses when another resend re-claimed it, or it is still in flight: the upsert then
                // collides on _id, which reports exactly this target as not claimed.
                Query free = Query.query(Criteria.where("_id").is(id).and("attempt").is(before.attempt())
                        .orOperator(Criteria.where("state").is(RELEASED),
                                Criteria.where("published").is(false).and("claimedAt").lt(abandonedBefore)));
                bulk.upsert(free, new Update().set("noticeId", noticeId).set("recipientId", target.recipientId())
                        .set("channel", target.channel().name()).set("attempt", target.attempt())
                        .set("resendId", resendId).set("state", CLAIMED).set("published", false)
                        .set("claimedAt", Date.from(now)).set("address", target.address()).unset("last"));
            }
        }
        Set<Integer> lost = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                lost.add(error.getIndex());
            }
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
    public void published(String noticeId, String resendId, List<Target> targets) {
        update(noticeId, resendId, targets, new Update().set("published", true));
    }

    /** The request for these targets could not be published: give the channels back. */
    public void abandon(String noticeId, String resendId, List<Target> targets) {
        update(noticeId, resendId, targets, new Update().set("state", RELEASED));
    }

    private void update(String noticeId, String resendId, List<Target> targets, Update update) {
        if (targets.isEmpty()) {
            return;
        }
        List<String> ids = targets.stream().map(t -> id(noticeId, t.recipientId(), t.channel())).toList();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("resendId").is(resendId)), update, COLLECTION);
    }

    /**
     * Results of resent attempts release their claims and record the newest result (merged by
     * StatusRank, so duplicates and reordering change nothing). Results of the first dispatch
     * (attempt 1) have no claim. A result of an older attempt than the claim's changes nothing.
     *
     * <p>The claims are read by {@code _id} first and written by {@code _id} only: a write filtered on
     * anything else makes the embedded store scan the whole collection, once per result. Releasing what
     * was read as CLAIMED for this very attempt cannot undo a newer claim, because a channel is claimed
     * again only once released or abandoned.
     */
    public void record(List<DeliveryResult> results) {
        Map<String, DeliveryResult> newest = new HashMap<>();
        for (DeliveryResult result : results) {
            if (result.attempt() <= 1 || result.status() == null || result.status() == DeliveryStatus.PENDING) {
                continue;
            }
            newest.merge(id(result.noticeId(), result.recipientId(), result.channel()), result,
                    (a, b) -> b.rank() > a.rank() ? b : a);
        }
        if (newest.isEmpty()) {
            return;
        }
        BulkOperations bulk = null;
        for (Document claim : mongo.find(Query.query(Criteria.where("_id").in(newest.keySet())), Document.class,
                COLLECTION)) {
            DeliveryResult result = newest.get(claim.getString("_id"));
            if (claim.getInteger("attempt") != result.attempt()) {
                continue;
            }
            Update update = new Update().max("last", new Document("rank", result.rank())
                    .append("status", result.status().name()));
            if (CLAIMED.equals(claim.getString("state"))) {
                update.set("state", RELEASED);
            }
            if (bulk == null) {
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            }
            bulk.updateOne(Query.query(Criteria.where("_id").is(claim.getString("_id"))), update);
        }
        if (bulk != null) {
            bulk.execute();
        }
    }
}
