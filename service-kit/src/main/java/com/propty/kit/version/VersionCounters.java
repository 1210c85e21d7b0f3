package com.propty.kit.version;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counters that say "this changed", one document per key ({@code _id}, field {@code v}) in one collection, so a
 * reader can keep what it read and later ask only whether it is still current. Moved with {@code $inc} (upserted),
 * read by {@code _id}: key lookups only, safe with N instances. The rule for users: move a counter after the change
 * it versions is stored, and read it before the data; then nothing is ever kept under a version newer than itself.
 */
public final class VersionCounters {

    private final MongoTemplate mongo;
    private final String collection;

    public VersionCounters(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection);
    }

    /** Moves each counter once, however often its key is listed; one unordered bulk. */
    public void move(Collection<String> keys) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            writes.add(new UpdateOneModel<>(eq("_id", key), new Document("$inc", new Document("v", 1L)),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            documents().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The counters of these keys; a key never moved is 0. */
    public Map<String, Long> of(Collection<String> keys) {
        Map<String, Long> values = new HashMap<>();
        keys.forEach(key -> values.put(key, 0L));
        if (keys.isEmpty()) {
            return values;
        }
        for (Document doc : documents().find(in("_id", List.copyOf(keys)))) {
            values.put(doc.getString("_id"), ((Number) doc.get("v")).longValue());
        }
        return values;
    }
}
