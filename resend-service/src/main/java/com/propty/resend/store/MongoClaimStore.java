package com.propty.resend.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import com.propty.kit.version.VersionCounters;
import com.propty.resend.claim.ClaimStore;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The claims in MongoDB: {@code claims}, {@code _id = noticeId:recipientId:channel:attempt}, documents {@code
 * {noticeId, recipientId, channel, attempt, resendId, state: CLAIMED|RELEASED, published, claimedAt, address, last:
 * {rank, status, at}}}; their versions in {@code claim_versions} (service-kit {@link VersionCounters}, keyed by notice
 * id). Every read and write is by {@code _id}.
 */
@Component
class MongoClaimStore implements ClaimStore {

    static final String COLLECTION = "claims";
    static final String VERSIONS = "claim_versions";
    private static final String CLAIMED = "CLAIMED";
    private static final String RELEASED = "RELEASED";

    private final MongoTemplate mongo;
    private final VersionCounters versions;

    MongoClaimStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.versions = new VersionCounters(mongo, VERSIONS);
    }

    @Override
    public List<StoredClaim> find(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(MongoClaimStore::claim).toList();
    }

    private static StoredClaim claim(Document doc) {
        Document last = doc.get("last", Document.class);
        Date lastAt = last == null ? null : last.getDate("at");
        return new StoredClaim(doc.getString("_id"), doc.getString("noticeId"), doc.getString("recipientId"),
                Channel.valueOf(doc.getString("channel")), doc.getInteger("attempt"), doc.getString("resendId"),
                CLAIMED.equals(doc.getString("state")), Boolean.TRUE.equals(doc.getBoolean("published")),
                doc.getDate("claimedAt").toInstant(), doc.getString("address"),
                last == null ? null : new Last(((Number) last.get("rank")).longValue(),
                        DeliveryStatus.valueOf(last.getString("status")), lastAt == null ? null : lastAt.toInstant()));
    }

    @Override
    public Set<Integer> insertNew(List<StoredClaim> claims) {
        List<Document> docs = claims.stream().map(c -> new Document("_id", c.id()).append("noticeId", c.noticeId())
                .append("recipientId", c.recipientId()).append("channel", c.channel().name())
                .append("attempt", c.attempt()).append("resendId", c.resendId())
                .append("state", c.claimed() ? CLAIMED : RELEASED).append("published", c.published())
                .append("claimedAt", Date.from(c.claimedAt())).append("address", c.address())).toList();
        Set<Integer> taken = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
        }
        return taken;
    }

    @Override
    public void markPublished(Collection<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("published", true), COLLECTION);
    }

    @Override
    public void release(Collection<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("state", RELEASED), COLLECTION);
    }

    @Override
    public void recordResults(List<AttemptResult> results) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (AttemptResult result : results) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(result.claimId())), new Update().set("state", RELEASED)
                    .max("last", new Document("rank", result.rank()).append("status", result.status().name())
                            .append("at", Date.from(result.at()))));
        }
        bulk.execute();
    }

    @Override
    public long version(String noticeId) {
        return versions.of(List.of(noticeId)).get(noticeId);
    }

    @Override
    public void moveVersions(Collection<String> noticeIds) {
        versions.move(noticeIds);
    }
}
