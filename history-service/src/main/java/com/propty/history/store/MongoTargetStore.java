package com.propty.history.store;

import com.propty.events.Channel;
import com.propty.events.Target;
import com.propty.history.history.TargetState;
import com.propty.history.targets.TargetStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The resend projection's documents ({@link MongoHistoryStore}) as a resend's detail reads them: by {@code _id} only.
 * The embedded store answers a lookup of all of a unique index's keys (equality or {@code $in}) from the index, and
 * scans the collection for anything else — so no read here needs another index, on real MongoDB either.
 */
@Component
class MongoTargetStore implements TargetStore {

    private final MongoTemplate mongo;

    MongoTargetStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<StoredResend> resend(String resendId) {
        Query query = Query.query(Criteria.where("_id").is(resendId));
        query.fields().include("noticeId").include("propertyId").include("chunkCount");
        Document resend = mongo.findOne(query, Document.class, MongoHistoryStore.RESENDS);
        if (resend == null) {
            return Optional.empty();
        }
        Number chunkCount = resend.get("chunkCount", Number.class);
        return Optional.of(new StoredResend(resendId, resend.getString("noticeId"), resend.getString("propertyId"),
                chunkCount == null ? 0 : chunkCount.intValue()));
    }

    @Override
    public List<Target> chunk(String resendId, int chunkIndex) {
        Document chunk = mongo.findById(MongoHistoryStore.chunkId(resendId, chunkIndex), Document.class,
                MongoHistoryStore.CHUNKS);
        if (chunk == null) {
            return List.of();
        }
        return chunk.getList("targets", Document.class).stream().map(t -> new Target(t.getString("recipientId"),
                Channel.valueOf(t.getString("channel")), t.getInteger("attempt"), t.getString("address"),
                Boolean.TRUE.equals(t.getBoolean("fallback")))).toList();
    }

    @Override
    public Map<String, TargetState> states(String resendId, List<Target> targets) {
        List<String> ids = targets.stream()
                .map(t -> MongoHistoryStore.targetId(resendId, t.recipientId(), t.channel().name())).toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("state");
        Map<String, TargetState> states = new HashMap<>();
        String prefix = resendId + ":";
        for (Document target : mongo.find(query, Document.class, MongoHistoryStore.TARGETS)) {
            Document state = target.get("state", Document.class);
            if (state != null) {
                states.put(target.getString("_id").substring(prefix.length()), TargetStateDocuments.fromDocument(state));
            }
        }
        return states;
    }
}
