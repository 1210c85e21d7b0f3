package com.propty.resend.store;

import com.propty.resend.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The idempotency keys in MongoDB: {@code idempotency_keys}, {@code _id = userId:noticeId:key}, documents {@code
 * {hash, state: IN_PROGRESS|DONE, owner, createdAt, response}}. The embedded store has no TTL indexes, so old keys are
 * deleted by the use case's scheduled job ({@link #forgetCreatedBefore}).
 */
@Component
class MongoIdempotencyStore implements IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;

    MongoIdempotencyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean begin(String id, String requestHash, String owner, Instant createdAt) {
        try {
            mongo.insert(new Document("_id", id).append("hash", requestHash).append("state", "IN_PROGRESS")
                    .append("owner", owner).append("createdAt", Date.from(createdAt)), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public Optional<StoredKey> find(String id) {
        Document key = mongo.findById(id, Document.class, COLLECTION);
        return Optional.ofNullable(key).map(k -> new StoredKey(k.getString("hash"), k.getString("owner"),
                k.getDate("createdAt").toInstant(), "DONE".equals(k.getString("state")) ? k.getString("response") : null));
    }

    @Override
    public void complete(String id, String owner, String response) {
        mongo.updateFirst(owned(id, owner), new Update().set("state", "DONE").set("response", response), COLLECTION);
    }

    @Override
    public void forget(String id, String owner) {
        mongo.remove(owned(id, owner), COLLECTION);
    }

    @Override
    public long forgetCreatedBefore(Instant before) {
        return mongo.remove(Query.query(Criteria.where("createdAt").lt(Date.from(before))), COLLECTION)
                .getDeletedCount();
    }

    private static Query owned(String id, String owner) {
        return Query.query(Criteria.where("_id").is(id).and("owner").is(owner));
    }
}
