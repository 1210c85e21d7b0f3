package com.propty.history.audit;

import com.propty.events.AuditRecorded;
import com.propty.history.history.Upserts;
import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The audit trail of every property ({@code GET /api/properties/{id}/audit}), projected from {@code audit-events}:
 * one document per entry, {@code _id = entryId}, written with {@code $setOnInsert} only, so an entry published twice
 * (the producers' relays may) or replayed changes nothing. Read newest first by keyed paging ({@link AuditCursor}),
 * by property administrators only.
 */
@Component
public class AuditTrail {

    static final String COLLECTION = "audit";
    static final String ADMIN = "PROPERTY_ADMIN";

    private final MongoTemplate mongo;

    public AuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
        // Real MongoDB serves every page from this index (equality on propertyId, range and order on pageKey);
        // the embedded store ignores non-unique indexes and scans the collection.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("propertyId", Sort.Direction.ASC)
                .on("pageKey", Sort.Direction.DESC));
    }

    /** What an entry needs to be kept and paged: an id the cursor can carry, a property and a time. */
    public static boolean keepable(AuditRecorded entry) {
        return entry.entryId() != null && entry.entryId().matches("[A-Za-z0-9._-]{1,64}")
                && entry.propertyId() != null && !entry.propertyId().isBlank() && entry.occurredAt() != null;
    }

    public void recorded(List<AuditRecorded> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Upserts.all(mongo, COLLECTION, bulk -> {
            for (AuditRecorded entry : entries) {
                Update update = new Update()
                        .setOnInsert("propertyId", entry.propertyId())
                        .setOnInsert("pageKey", AuditCursor.pageKey(entry.occurredAt(), entry.entryId()))
                        .setOnInsert("at", Date.from(entry.occurredAt()))
                        .setOnInsert("actor", entry.actor() == null ? null
                                : new Document("id", entry.actor().id()).append("name", entry.actor().name()))
                        .setOnInsert("action", entry.action() == null ? null : entry.action().name())
                        .setOnInsert("target", entry.target() == null ? null
                                : new Document("type", entry.target().type()).append("id", entry.target().id()))
                        .setOnInsert("requestId", entry.requestId())
                        .setOnInsert("details", new Document(AuditMask.details(entry.details())));
                bulk.upsert(Query.query(Criteria.where("_id").is(entry.entryId())), update);
            }
        });
    }

    /** One page of entries, newest first. */
    public record Page(List<AuditEntry> items, String next) {
    }

    public record AuditEntry(String entryId, java.time.Instant at, Map<String, Object> actor, String action,
            Map<String, Object> target, String requestId, Map<String, Object> details) {
    }

    /** 403 for anyone but a PROPERTY_ADMIN, then 404 for a property outside the token, then 400 for bad paging. */
    public Page of(Caller caller, String propertyId, Integer size, String before) {
        if (!caller.roles().contains(ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden",
                    "Only a property administrator may read the audit trail.");
        }
        caller.requireProperty(propertyId, "Property");
        int limit = AuditCursor.size(size);
        String cursor = AuditCursor.decode(before);
        Criteria criteria = Criteria.where("propertyId").is(propertyId);
        if (cursor != null) {
            criteria = criteria.and("pageKey").lt(cursor);
        }
        List<Document> found = mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "pageKey"))
                .limit(limit + 1), Document.class, COLLECTION);
        List<Document> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? AuditCursor.encode(page.get(page.size() - 1).getString("pageKey")) : null;
        return new Page(page.stream().map(AuditTrail::entry).toList(), next);
    }

    private static AuditEntry entry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.get("actor", Document.class),
                d.getString("action"), d.get("target", Document.class), d.getString("requestId"),
                d.get("details", Document.class));
    }
}
