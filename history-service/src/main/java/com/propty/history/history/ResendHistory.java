package com.propty.history.history;

import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import com.propty.events.Target;
import com.propty.history.notice.NoticeOwners;
import com.propty.kit.Caller;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The resend history projection (CONTRACT §3 {@code GET /api/notices/{id}/resends}).
 *
 * <p>{@code resends}: one document per resend ({@code _id = resendId}) from its request chunks, with their count.
 * {@code resend_chunks}: each request chunk's targets in order ({@code _id = resendId:chunkIndex}), what the
 * resend's detail pages through by key. {@code resend_targets}: one document per target channel of a resend
 * ({@code _id = resendId:recipientId:channel}) holding {@code state = {rank, status, errorCode, providerCode, at}}
 * ({@link TargetState}), written only with
 * {@code $max} by {@code _id}: the request sets PENDING of the attempt, each result its status, and
 * the highest rank wins. So duplicates change nothing, order does not matter, and a result that
 * arrives before its request chunk simply creates the target first. Results of the first dispatch
 * (attempt 1) are not resends and are ignored.
 */
@Component
public class ResendHistory {

    public static final String RESENDS = "resends";
    public static final String TARGETS = "resend_targets";
    /** The targets of each request chunk, in the chunk's order: what a resend's detail pages through by key. */
    public static final String CHUNKS = "resend_chunks";

    private final MongoTemplate mongo;
    private final NoticeOwners owners;

    public ResendHistory(MongoTemplate mongo, NoticeOwners owners) {
        this.mongo = mongo;
        this.owners = owners;
        // Real MongoDB needs these; the embedded store ignores non-unique indexes.
        mongo.indexOps(RESENDS).createIndex(new Index().on("noticeId", Sort.Direction.ASC));
        mongo.indexOps(TARGETS).createIndex(new Index().on("resendId", Sort.Direction.ASC));
    }

    public void requested(List<ResendRequested> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        upsertAll(bulk -> {
            for (ResendRequested chunk : chunks) {
                bulk.upsert(Query.query(Criteria.where("_id").is(chunk.resendId())), new Update()
                        .setOnInsert("noticeId", chunk.noticeId())
                        .setOnInsert("propertyId", chunk.propertyId())
                        .setOnInsert("requestedAt", Date.from(chunk.requestedAt()))
                        .setOnInsert("requestedBy", new Document("id", chunk.requestedBy().id())
                                .append("name", chunk.requestedBy().name()))
                        .setOnInsert("scope", chunk.scope().name())
                        .setOnInsert("type", chunk.resendType().name())
                        .setOnInsert("recipients", chunk.recipients())
                        .setOnInsert("emails", chunk.totals().email())
                        .setOnInsert("sms", chunk.totals().sms())
                        .setOnInsert("fallbackEmails", chunk.totals().fallbackEmail())
                        .setOnInsert("fallbackSms", chunk.totals().fallbackSms())
                        .setOnInsert("chunkCount", chunk.chunkCount()));
            }
        }, RESENDS);
        upsertAll(bulk -> {
            for (ResendRequested chunk : chunks) {
                List<Document> targets = chunk.targets().stream().map(t -> new Document("recipientId", t.recipientId())
                        .append("channel", t.channel().name()).append("attempt", t.attempt())
                        .append("address", t.address()).append("fallback", t.fallback())).toList();
                bulk.upsert(Query.query(Criteria.where("_id").is(chunkId(chunk.resendId(), chunk.chunkIndex()))),
                        new Update().setOnInsert("targets", targets));
            }
        }, CHUNKS);
        upsertAll(bulk -> {
            for (ResendRequested chunk : chunks) {
                for (Target target : chunk.targets()) {
                    target(bulk, chunk.resendId(), chunk.noticeId(), target.recipientId() + ":" + target.channel(),
                            TargetState.requested(target.attempt(), chunk.requestedAt()));
                }
            }
        }, TARGETS);
    }

    public void resulted(List<DeliveryResult> results) {
        List<DeliveryResult> ofResends = results.stream()
                .filter(r -> r.isOfResend() && r.status() != null).toList();
        if (ofResends.isEmpty()) {
            return;
        }
        upsertAll(bulk -> ofResends.forEach(r -> target(bulk, r.attemptId(), r.noticeId(),
                r.recipientId() + ":" + r.channel(), TargetState.of(r))), TARGETS);
    }

    /** The key of a request chunk's document. */
    public static String chunkId(String resendId, int chunkIndex) {
        return resendId + ":" + chunkIndex;
    }

    /** The key of a target's state: one per (resend, recipient, channel). */
    public static String targetId(String resendId, String recipientId, String channel) {
        return resendId + ":" + recipientId + ":" + channel;
    }

    private static void target(BulkOperations bulk, String resendId, String noticeId, String channel, TargetState state) {
        bulk.upsert(Query.query(Criteria.where("_id").is(resendId + ":" + channel)), new Update()
                .setOnInsert("resendId", resendId).setOnInsert("noticeId", noticeId)
                .max("state", state.toDocument()));
    }

    private void upsertAll(java.util.function.Consumer<BulkOperations> operations, String collection) {
        Upserts.all(mongo, collection, operations);
    }

    /**
     * Newest first; 404 when the notice does not exist or belongs to a property the caller may not see — told by its
     * resends, or, when it has none yet, by notice-service.
     */
    public List<ResendRow> of(Caller caller, String noticeId) {
        List<Document> resends = mongo.find(Query.query(Criteria.where("noticeId").is(noticeId))
                .with(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("_id"))), Document.class, RESENDS);
        if (resends.isEmpty()) {
            caller.requireProperty(owners.propertyOf(noticeId).orElse(null), "Notice");
            return List.of();
        }
        resends.forEach(r -> caller.requireProperty(r.getString("propertyId"), "Notice"));
        List<String> ids = resends.stream().map(r -> r.getString("_id")).toList();
        Query targets = Query.query(Criteria.where("resendId").in(ids));
        targets.fields().include("resendId").include("state");
        Map<String, List<DeliveryStatus>> states = new HashMap<>();
        for (Document target : mongo.find(targets, Document.class, TARGETS)) {
            DeliveryStatus status = DeliveryStatus.valueOf(target.get("state", Document.class).getString("status"));
            states.computeIfAbsent(target.getString("resendId"), k -> new ArrayList<>()).add(status);
        }
        return resends.stream().map(r -> {
            Document by = r.get("requestedBy", Document.class);
            return new ResendRow(r.getString("_id"), r.getDate("requestedAt").toInstant(),
                    new Requester(by.getString("id"), by.getString("name")), ResendScope.valueOf(r.getString("scope")),
                    ResendType.valueOf(r.getString("type")), r.getInteger("recipients"), r.getInteger("emails"),
                    r.getInteger("sms"), new ResendRow.Fallback(r.getInteger("fallbackEmails", 0),
                            r.getInteger("fallbackSms", 0)), Outcome.of(states.getOrDefault(r.getString("_id"), List.of())));
        }).toList();
    }

}
