package com.propty.history.store;

import com.propty.history.audit.AuditStore;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The audit trail in MongoDB: {@code audit}, one document per entry, {@code _id = entryId}, {@code {propertyId,
 * pageKey, at, actor, action, target, requestId, details}}, written with {@code $setOnInsert} only.
 */
@Component
class MongoAuditStore implements AuditStore {

    static final String COLLECTION = "audit";

    private final MongoTemplate mongo;

    MongoAuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Real MongoDB serves every page from this index (equality on propertyId, range and order on pageKey);
        // the embedded store ignores non-unique indexes and scans the collection.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("propertyId", Sort.Direction.ASC)
                .on("pageKey", Sort.Direction.DESC));
    }

    @Override
    public void keep(List<StoredEntry> entries) {
        Upserts.all(mongo, COLLECTION, bulk -> {
            for (StoredEntry entry : entries) {
                bulk.upsert(Query.query(Criteria.where("_id").is(entry.entryId())), new Update()
                        .setOnInsert("propertyId", entry.propertyId())
                        .setOnInsert("pageKey", entry.pageKey())
                        .setOnInsert("at", Date.from(entry.at()))
                        .setOnInsert("actor", entry.actor() == null ? null : new Document(entry.actor()))
                        .setOnInsert("action", entry.action())
                        .setOnInsert("target", entry.target() == null ? null : new Document(entry.target()))
                        .setOnInsert("requestId", entry.requestId())
                        .setOnInsert("details", new Document(entry.details())));
            }
        });
    }

    @Override
    public List<StoredEntry> page(String propertyId, String beforeKey, int limit) {
        Criteria criteria = Criteria.where("propertyId").is(propertyId);
        if (beforeKey != null) {
            criteria = criteria.and("pageKey").lt(beforeKey);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "pageKey")).limit(limit),
                Document.class, COLLECTION).stream().map(d -> new StoredEntry(d.getString("_id"),
                d.getString("propertyId"), d.getString("pageKey"), d.getDate("at").toInstant(),
                d.get("actor", Document.class), d.getString("action"), d.get("target", Document.class),
                d.getString("requestId"), d.get("details", Document.class))).toList();
    }
}
