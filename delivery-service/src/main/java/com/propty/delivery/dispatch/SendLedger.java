package com.propty.delivery.dispatch;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable send intents (Mongo {@code sends}, keyed {@code attemptId:recipientId:channel}), written
 * BEFORE any provider call. No provider takes an idempotency key, so this is what stops a redelivered
 * request from sending twice: a key that exists is never sent again. States:
 * <ul>
 * <li>{@code IN_FLIGHT}: claimed for a provider call; still so after the window means the call may or may
 * not have reached the provider (in doubt) unless a webhook settled it;</li>
 * <li>{@code PARKED}: the provider was unavailable, nothing was sent, the retry store owns it;</li>
 * <li>{@code SETTLED}: the provider answered or a webhook came; {@code outcome} holds the highest-ranked
 * result known.</li>
 * </ul>
 * Writes filter on {@code _id} only (fast on the embedded store, see RECIPES).
 */
@Component
public class SendLedger {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String PARKED = "PARKED";
    static final String SETTLED = "SETTLED";
    public static final long NO_OUTCOME = -1;

    private final MongoCollection<Document> sends;

    SendLedger(MongoTemplate mongo) {
        this.sends = mongo.getCollection("sends");
    }

    /** The sends of a request split into those claimed now and the outcomes already known for the others. */
    public record Claim(List<Send> fresh, List<DeliveryResult> knownOutcomes) {
    }

    public Claim claim(List<Send> candidates) {
        if (candidates.isEmpty()) {
            return new Claim(List.of(), List.of());
        }
        Date now = new Date();
        List<Document> intents = candidates.stream().map(s -> new Document("_id", s.key()).append("state", IN_FLIGHT)
                .append("noticeId", s.noticeId()).append("recipientId", s.recipientId())
                .append("channel", s.channel().name()).append("attempt", s.attempt()).append("attemptId", s.attemptId())
                .append("address", s.address()).append("claimedAt", now)).toList();
        Set<Integer> existing = new HashSet<>();
        try {
            sends.insertMany(intents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        List<Send> fresh = new ArrayList<>();
        List<String> seenKeys = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (existing.contains(i)) {
                seenKeys.add(candidates.get(i).key());
            } else {
                fresh.add(candidates.get(i));
            }
        }
        return new Claim(fresh, knownOutcomes(seenKeys));
    }

    /** Outcomes recorded earlier, re-published for a redelivered request (consumers merge by rank, so this is harmless). */
    private List<DeliveryResult> knownOutcomes(List<String> keys) {
        List<DeliveryResult> outcomes = new ArrayList<>();
        if (keys.isEmpty()) {
            return outcomes;
        }
        for (Document doc : sends.find(in("_id", keys))) {
            DeliveryResult outcome = settledOutcome(doc);
            if (outcome != null) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private static DeliveryResult settledOutcome(Document doc) {
        Document outcome = doc.get("outcome", Document.class);
        if (!SETTLED.equals(doc.getString("state")) || outcome == null) {
            return null;
        }
        String errorCode = outcome.getString("errorCode");
        return send(doc).result(DeliveryStatus.valueOf(outcome.getString("status")),
                errorCode == null ? null : ErrorCode.valueOf(errorCode), outcome.getString("providerCode"),
                outcome.getString("errorMessage"), outcome.getString("provider"), outcome.getString("providerMessageId"));
    }

    /**
     * Records outcomes, from a provider's answer or a webhook (which also settles an in-doubt send). The
     * outcome is merged with {@code $max} on its rank, as every projection does, so a late SENT never
     * replaces the DELIVERED a fast webhook already recorded.
     */
    public void record(Collection<DeliveryResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<UpdateOneModel<Document>> updates = results.stream().map(r -> new UpdateOneModel<Document>(
                eq("_id", Send.key(r.attemptId(), r.recipientId(), r.channel())),
                Updates.combine(Updates.set("state", SETTLED), Updates.set("settledAt", now),
                        Updates.max("outcome", new Document("rank", r.rank()).append("status", r.status().name())
                                .append("errorCode", r.errorCode() == null ? null : r.errorCode().name())
                                .append("providerCode", r.providerCode()).append("errorMessage", r.errorMessage())
                                .append("provider", r.provider()).append("providerMessageId", r.providerMessageId())))))
                .toList();
        sends.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /**
     * The rank of the outcome recorded for each of these sends ({@link #NO_OUTCOME} for an intent without one);
     * sends the ledger never saw are absent. One key lookup for a whole webhook batch.
     */
    public Map<String, Long> outcomeRanks(Collection<String> keys) {
        Map<String, Long> ranks = new HashMap<>();
        if (keys.isEmpty()) {
            return ranks;
        }
        for (Document doc : sends.find(in("_id", keys)).projection(new Document("outcome.rank", 1))) {
            Document outcome = doc.get("outcome", Document.class);
            ranks.put(doc.getString("_id"), outcome == null ? NO_OUTCOME : ((Number) outcome.get("rank")).longValue());
        }
        return ranks;
    }

    public void park(Collection<Send> parked) {
        if (!parked.isEmpty()) {
            sends.updateMany(in("_id", parked.stream().map(Send::key).toList()), Updates.set("state", PARKED));
        }
    }

    /**
     * Takes back the parked sends that are still parked (claimed again for a call). The others were settled meanwhile
     * — by a webhook, or by an earlier try of this batch whose process died before publishing — so their recorded
     * outcomes come back to be published again (consumers merge by rank, so this is harmless).
     */
    public Claim reclaimParked(Collection<Send> candidates) {
        Set<String> parked = new HashSet<>();
        List<DeliveryResult> settled = new ArrayList<>();
        for (Document doc : sends.find(in("_id", candidates.stream().map(Send::key).toList()))) {
            if (PARKED.equals(doc.getString("state"))) {
                parked.add(doc.getString("_id"));
            } else {
                DeliveryResult outcome = settledOutcome(doc);
                if (outcome != null) {
                    settled.add(outcome);
                }
            }
        }
        if (!parked.isEmpty()) {
            sends.updateMany(in("_id", parked), Updates.combine(Updates.set("state", IN_FLIGHT),
                    Updates.set("claimedAt", new Date())));
        }
        return new Claim(candidates.stream().filter(s -> parked.contains(s.key())).toList(), settled);
    }

    /** Sends claimed before {@code cutoff} that neither the provider's answer nor a webhook settled. */
    public List<Send> inDoubtSince(Instant cutoff, int limit) {
        List<Send> inDoubt = new ArrayList<>();
        for (Document doc : sends.find(and(eq("state", IN_FLIGHT), lt("claimedAt", Date.from(cutoff)))).limit(limit)) {
            inDoubt.add(send(doc));
        }
        return inDoubt;
    }

    private static Send send(Document doc) {
        return new Send(doc.getString("attemptId"), doc.getString("noticeId"), doc.getString("recipientId"),
                Channel.valueOf(doc.getString("channel")), doc.getInteger("attempt"), doc.getString("address"));
    }
}
