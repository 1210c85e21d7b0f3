package com.propty.delivery.store;

import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendLedger;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import java.time.Clock;
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
 * The send ledger in MongoDB: {@code sends}, keyed {@code attemptId:recipientId:channel}, {@code {state:
 * IN_FLIGHT|PARKED|SETTLED, propertyId, noticeId, recipientId, channel, attempt, attemptId, address, claimedAt,
 * settledAt, outcome: {rank, status, errorCode, providerCode, errorMessage, provider, providerMessageId}}}. Writes
 * filter on {@code _id} only (fast on the embedded store: README "The embedded store"). The sends that may be in
 * flight are also kept in {@link SendsInFlight}, written before a claim and emptied as sends settle, so the in-doubt
 * sweep reads the work in hand, not the ledger.
 */
@Component
class MongoSendLedger implements SendLedger {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String PARKED = "PARKED";
    static final String SETTLED = "SETTLED";

    private final MongoCollection<Document> sends;
    private final SendsInFlight inFlight;
    private final Clock clock;

    MongoSendLedger(MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        this.sends = mongo.getCollection("sends");
        // Real MongoDB serves enterSendsInFlight's start-up query from this; the embedded store ignores it and scans.
        sends.createIndex(Indexes.ascending("state", "claimedAt"));
        this.inFlight = new SendsInFlight(mongo.getCollection(SendsInFlight.COLLECTION));
    }

    @Override
    public Claim claim(List<Send> candidates) {
        if (candidates.isEmpty()) {
            return new Claim(List.of(), List.of());
        }
        Date now = Date.from(clock.instant());
        List<Document> intents = candidates.stream().map(s -> new Document("_id", s.key()).append("state", IN_FLIGHT)
                .append("propertyId", s.propertyId()).append("noticeId", s.noticeId())
                .append("recipientId", s.recipientId())
                .append("channel", s.channel().name()).append("attempt", s.attempt()).append("attemptId", s.attemptId())
                .append("address", s.address()).append("claimedAt", now)).toList();
        // before the intents: a crash between the two leaves an entry the sweep drops, never an intent without one
        inFlight.add(candidates.stream().map(Send::key).toList(), now);
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
        List<DeliveryResult> known = knownOutcomes(seenKeys);
        inFlight.remove(known.stream().map(r -> Send.key(r.attemptId(), r.recipientId(), r.channel())).toList());
        return new Claim(fresh, known);
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
    @Override
    public void record(Collection<DeliveryResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<UpdateOneModel<Document>> updates = results.stream().map(r -> new UpdateOneModel<Document>(
                eq("_id", Send.key(r.attemptId(), r.recipientId(), r.channel())),
                Updates.combine(Updates.set("state", SETTLED), Updates.set("settledAt", now),
                        Updates.max("outcome", new Document("rank", r.rank()).append("status", r.status().name())
                                .append("errorCode", r.errorCode() == null ? null : r.errorCode().name())
                                .append("providerCode", r.providerCode()).append("errorMessage", r.errorMessage())
                                .append("provider", r.provider()).append("providerMessageId", r.providerMessageId())))))
                .toList();
        sends.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        inFlight.remove(results.stream().map(r -> Send.key(r.attemptId(), r.recipientId(), r.channel())).toList());
    }

    /**
     * The rank of the outcome recorded for each of these sends ({@link #NO_OUTCOME} for an intent without one);
     * sends the ledger never saw are absent. One key lookup for a whole webhook batch.
     */
    @Override
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

    @Override
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
    @Override
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
            Date now = Date.from(clock.instant());
            inFlight.add(parked, now);
            sends.updateMany(in("_id", parked), Updates.combine(Updates.set("state", IN_FLIGHT),
                    Updates.set("claimedAt", now)));
        }
        return new Claim(candidates.stream().filter(s -> parked.contains(s.key())).toList(), settled);
    }

    /**
     * Sends claimed before {@code cutoff} that neither the provider's answer nor a webhook settled: read from the
     * entries of {@link SendsInFlight} claimed before it, then those sends by key. An entry whose send is settled,
     * parked or was never claimed is dropped; one whose send was claimed again since waits for its new claim.
     */
    @Override
    public List<Send> inDoubtSince(Instant cutoff, int limit) {
        Date before = Date.from(cutoff);
        Map<String, Date> entries = inFlight.claimedBefore(before, limit);
        List<Send> inDoubt = new ArrayList<>();
        if (entries.isEmpty()) {
            return inDoubt;
        }
        Map<String, Document> found = new HashMap<>();
        for (Document doc : sends.find(in("_id", entries.keySet()))) {
            found.put(doc.getString("_id"), doc);
        }
        List<String> settled = new ArrayList<>();
        Map<String, Date> stale = new HashMap<>();
        Map<String, Date> later = new HashMap<>();
        for (Map.Entry<String, Date> entry : entries.entrySet()) {
            Document doc = found.get(entry.getKey());
            String state = doc == null ? null : doc.getString("state");
            if (SETTLED.equals(state)) {
                settled.add(entry.getKey());
            } else if (!IN_FLIGHT.equals(state)) {
                stale.put(entry.getKey(), entry.getValue()); // parked (the retry store owns it) or never claimed
            } else if (doc.getDate("claimedAt").before(before)) {
                inDoubt.add(send(doc));
            } else {
                later.put(entry.getKey(), doc.getDate("claimedAt"));
            }
        }
        inFlight.remove(settled);
        inFlight.removeIfUnchanged(stale);
        inFlight.add(later);
        return inDoubt;
    }

    /**
     * Enters every send the ledger holds in flight into {@link SendsInFlight}: run at start-up, for the sends claimed
     * before it existed. One query (real MongoDB serves it from the {@code (state, claimedAt)} index; the embedded
     * store scans the ledger, once per start).
     */
    int enterSendsInFlight() {
        int entered = 0;
        Map<String, Date> page = new HashMap<>();
        for (Document doc : sends.find(eq("state", IN_FLIGHT)).projection(new Document("claimedAt", 1))) {
            page.put(doc.getString("_id"), doc.getDate("claimedAt"));
            if (page.size() == 1000) {
                inFlight.add(page);
                entered += page.size();
                page.clear();
            }
        }
        inFlight.add(page);
        return entered + page.size();
    }

    long inFlightEntries() {
        return inFlight.size();
    }

    private static Send send(Document doc) {
        return new Send(doc.getString("attemptId"), doc.getString("propertyId"), doc.getString("noticeId"),
                doc.getString("recipientId"),
                Channel.valueOf(doc.getString("channel")), doc.getInteger("attempt"), doc.getString("address"));
    }
}
