package com.propty.kit;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.events.Requester;
import java.time.Clock;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail's outbox in the service's own MongoDB ({@code audit_outbox}, {@code _id = entryId}): a use case
 * records its entry with one insert right after its own write, so an entry survives a kill before it is published;
 * {@link AuditRelay} publishes pending entries and marks them published by {@code _id}. The entry is stored as the
 * event's JSON, published as it is.
 */
public class AuditOutbox {

    static final String COLLECTION = "audit_outbox";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    public AuditOutbox(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        // Real MongoDB serves the relay's query from this; the embedded store scans (the outbox stays small).
        mongo.indexOps(COLLECTION).createIndex(new Index().on("published", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC));
    }

    /** Records an entry by the caller, for the current request; returns it. */
    public AuditRecorded record(Caller caller, String propertyId, AuditAction action, AuditTarget target,
            Map<String, String> details) {
        AuditRecorded entry = AuditRecorded.of(propertyId, new Requester(caller.id(), caller.name()), action, target,
                CurrentRequest.id(), details, clock.instant());
        mongo.insert(new Document("_id", entry.entryId()).append("key", propertyId).append("published", false)
                .append("createdAt", Date.from(entry.occurredAt())).append("event", json.writeValueAsString(entry)),
                COLLECTION);
        return entry;
    }

    /** A pending entry: its record key and its JSON. */
    public record Pending(String entryId, String key, String event) {
    }

    List<Pending> pending(int limit) {
        Query query = Query.query(Criteria.where("published").is(false))
                .with(Sort.by("createdAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new Pending(d.getString("_id"), d.getString("key"), d.getString("event"))).toList();
    }

    void markPublished(List<String> entryIds) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(entryIds)),
                new Update().set("published", true).set("publishedAt", Date.from(clock.instant())), COLLECTION);
    }

    /** Published entries older than {@code before} are of no more use to this service (history-service keeps them). */
    void forgetPublishedBefore(java.time.Instant before) {
        mongo.remove(Query.query(Criteria.where("published").is(true).and("publishedAt").lt(Date.from(before))),
                COLLECTION);
    }
}
