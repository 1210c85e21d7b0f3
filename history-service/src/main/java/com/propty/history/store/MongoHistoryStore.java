package com.propty.history.store;

import com.propty.events.DeliveryStatus;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import com.propty.history.history.HistoryStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The resend history in MongoDB. {@code resends}: one document per resend ({@code _id = resendId}), written with
 * {@code $setOnInsert}. {@code resend_chunks}: each request chunk's targets in order ({@code _id =
 * resendId:chunkIndex}). {@code resend_targets}: one document per target channel of a resend ({@code _id =
 * resendId:recipientId:channel}) holding {@code state = {rank, status, errorCode, providerCode, at}}
 * ({@link TargetStateDocuments}), written only with {@code $max} by {@code _id}.
 */
@Component
class MongoHistoryStore implements HistoryStore {

    static final String RESENDS = "resends";
    static final String TARGETS = "resend_targets";
    static final String CHUNKS = "resend_chunks";

    private final MongoTemplate mongo;

    MongoHistoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Real MongoDB needs these; the embedded store ignores non-unique indexes.
        mongo.indexOps(RESENDS).createIndex(new Index().on("noticeId", Sort.Direction.ASC));
        mongo.indexOps(TARGETS).createIndex(new Index().on("resendId", Sort.Direction.ASC));
    }

    @Override
    public void keepRequests(List<ResendRequested> chunks) {
        Upserts.all(mongo, RESENDS, bulk -> {
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
        });
        Upserts.all(mongo, CHUNKS, bulk -> {
            for (ResendRequested chunk : chunks) {
                List<Document> targets = chunk.targets().stream().map(t -> new Document("recipientId", t.recipientId())
                        .append("channel", t.channel().name()).append("attempt", t.attempt())
                        .append("address", t.address()).append("fallback", t.fallback())).toList();
                bulk.upsert(Query.query(Criteria.where("_id").is(chunkId(chunk.resendId(),
                        chunk.chunkIndex()))), new Update().setOnInsert("targets", targets));
            }
        });
    }

    @Override
    public void mergeStates(List<StateOfTarget> states) {
        Upserts.all(mongo, TARGETS, bulk -> {
            for (StateOfTarget s : states) {
                bulk.upsert(Query.query(Criteria.where("_id").is(targetId(s.resendId(), s.recipientId(),
                        s.channel()))), new Update().setOnInsert("resendId", s.resendId())
                        .setOnInsert("noticeId", s.noticeId())
                        .max("state", TargetStateDocuments.toDocument(s.state())));
            }
        });
    }

    /** The key of a request chunk's document. */
    static String chunkId(String resendId, int chunkIndex) {
        return resendId + ":" + chunkIndex;
    }

    /** The key of a target's state: one per (resend, recipient, channel). */
    static String targetId(String resendId, String recipientId, String channel) {
        return resendId + ":" + recipientId + ":" + channel;
    }

    @Override
    public List<StoredResend> resendsOf(String noticeId) {
        return mongo.find(Query.query(Criteria.where("noticeId").is(noticeId))
                        .with(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("_id"))), Document.class, RESENDS)
                .stream().map(r -> {
                    Document by = r.get("requestedBy", Document.class);
                    return new StoredResend(r.getString("_id"), r.getString("propertyId"),
                            r.getDate("requestedAt").toInstant(), new Requester(by.getString("id"), by.getString("name")),
                            ResendScope.valueOf(r.getString("scope")), ResendType.valueOf(r.getString("type")),
                            r.getInteger("recipients"), r.getInteger("emails"), r.getInteger("sms"),
                            r.getInteger("fallbackEmails", 0), r.getInteger("fallbackSms", 0));
                }).toList();
    }

    @Override
    public Map<String, List<DeliveryStatus>> statusesOf(List<String> resendIds) {
        Query targets = Query.query(Criteria.where("resendId").in(resendIds));
        targets.fields().include("resendId").include("state");
        Map<String, List<DeliveryStatus>> states = new HashMap<>();
        for (Document target : mongo.find(targets, Document.class, TARGETS)) {
            DeliveryStatus status = DeliveryStatus.valueOf(target.get("state", Document.class).getString("status"));
            states.computeIfAbsent(target.getString("resendId"), k -> new ArrayList<>()).add(status);
        }
        return states;
    }
}
