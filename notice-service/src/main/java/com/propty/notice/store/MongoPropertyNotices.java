package com.propty.notice.store;

import com.propty.notice.notice.PropertyNotices;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The notices lists in MongoDB: {@code property_notices}. A header {@code h:<propertyId>} counts the ids added and
 * says whether the list was {@code built} from the notices that existed before it; the ids are in buckets of {@value
 * #BUCKET}, {@code b:<propertyId>:<k>}, filled in the order of the count. Every read and write is by {@code _id}.
 */
@Component
public class MongoPropertyNotices implements PropertyNotices {

    public static final String COLLECTION = "property_notices";
    static final int BUCKET = 1_000;

    private final MongoTemplate mongo;

    public MongoPropertyNotices(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Lists a notice about to be stored. */
    @Override
    public void add(String propertyId, String noticeId) {
        Document header = collection().findOneAndUpdate(eq("_id", headerKey(propertyId)), Updates.inc("count", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long position = ((Number) header.get("count")).longValue() - 1;
        collection().updateOne(eq("_id", bucketKey(propertyId, position / BUCKET)), Updates.addToSet("ids", noticeId),
                new UpdateOptions().upsert(true));
    }

    /** A deleted draft leaves its property's list (a no-op for an id not listed). */
    @Override
    public void remove(String propertyId, String noticeId) {
        collection().updateMany(in("_id", bucketKeys(propertyId, count(propertyId))), Updates.pull("ids", noticeId));
    }

    /** The ids of the property's notices, or null while its list has not been built. */
    @Override
    public Set<String> ids(String propertyId) {
        Document header = collection().find(eq("_id", headerKey(propertyId))).first();
        if (header == null || !Boolean.TRUE.equals(header.getBoolean("built"))) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        long count = count(header);
        for (Document bucket : collection().find(in("_id", bucketKeys(propertyId, count)))) {
            List<String> listed = bucket.getList("ids", String.class);
            if (listed != null) {
                ids.addAll(listed);
            }
        }
        return ids;
    }

    /** Builds the property's list from the notices it had before lists existed (once; repeating it is harmless). */
    @Override
    public void build(String propertyId, Collection<String> existing) {
        Set<String> listed = new LinkedHashSet<>();
        for (Document bucket : collection().find(in("_id", bucketKeys(propertyId, count(propertyId))))) {
            List<String> ids = bucket.getList("ids", String.class);
            if (ids != null) {
                listed.addAll(ids);
            }
        }
        for (String id : existing) {
            if (!listed.contains(id)) {
                add(propertyId, id);
            }
        }
        // a property without notices gets a header with a count of 0, never one without a count
        collection().updateOne(eq("_id", headerKey(propertyId)),
                Updates.combine(Updates.set("built", true), Updates.setOnInsert("count", 0L)),
                new UpdateOptions().upsert(true));
    }

    private long count(String propertyId) {
        return count(collection().find(eq("_id", headerKey(propertyId))).first());
    }

    /** How many ids a header says were added: 0 without a header, or with one written before any id (older ones). */
    private static long count(Document header) {
        return header == null || header.get("count") == null ? 0 : ((Number) header.get("count")).longValue();
    }

    private static List<String> bucketKeys(String propertyId, long count) {
        List<String> keys = new ArrayList<>();
        for (long k = 0; k * BUCKET < count; k++) {
            keys.add(bucketKey(propertyId, k));
        }
        return keys;
    }

    public static String headerKey(String propertyId) {
        return "h:" + propertyId;
    }

    static String bucketKey(String propertyId, long bucket) {
        return "b:" + propertyId + ":" + bucket;
    }
}
