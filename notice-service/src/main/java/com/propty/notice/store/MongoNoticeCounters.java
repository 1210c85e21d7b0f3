package com.propty.notice.store;

import com.propty.notice.notice.CombinationCounts;
import com.propty.notice.notice.NoticeCounters;
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
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The notices' counters in MongoDB: {@code notice_counters}, {@code _id} = notice id, {@code {base, deltas, offsets:
 * {<topic-partition>: offset}}}, the counts by combination name. Every read and write is a key lookup.
 */
@Component
public class MongoNoticeCounters implements NoticeCounters {

    public static final String COLLECTION = "notice_counters";

    private final MongoTemplate mongo;

    public MongoNoticeCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public Map<String, Counters> byIds(Collection<String> noticeIds) {
        Map<String, Counters> found = new HashMap<>();
        if (noticeIds.isEmpty()) {
            return found;
        }
        for (Document doc : collection().find(in("_id", List.copyOf(noticeIds)))) {
            Counters counters = from(doc);
            found.put(counters.noticeId(), counters);
        }
        return found;
    }

    @Override
    public Counters byId(String noticeId) {
        Document doc = collection().find(eq("_id", noticeId)).first();
        return doc == null ? null : from(doc);
    }

    /** The audience as dispatched; repeating it (a resumed dispatch) writes the same base. */
    @Override
    public void setBase(String noticeId, CombinationCounts base) {
        collection().updateOne(eq("_id", noticeId), new Document("$set", new Document("base", toDocument(base))),
                new UpdateOptions().upsert(true));
    }

    /**
     * Writes the deltas and offsets of these notices, each as a whole (the projection owning a notice is its only
     * writer of both), in one unordered bulk; the base is left alone.
     */
    @Override
    public void writeDeltas(Collection<Counters> counters) {
        if (counters.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(counters.size());
        for (Counters c : counters) {
            Document set = new Document("deltas", toDocument(c.deltas()));
            c.offsets().forEach((position, offset) -> set.append("offsets." + position, offset));
            writes.add(new UpdateOneModel<>(eq("_id", c.noticeId()), new Document("$set", set),
                    new UpdateOptions().upsert(true)));
        }
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document toDocument(CombinationCounts counts) {
        Document doc = new Document();
        counts.asMap().forEach(doc::append);
        return doc;
    }

    private static Counters from(Document doc) {
        Map<String, Long> offsets = new HashMap<>();
        Document stored = doc.get("offsets", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> offsets.put(k, ((Number) v).longValue()));
        }
        return new Counters(doc.getString("_id"), counts(doc.get("base", Document.class)),
                counts(doc.get("deltas", Document.class)), offsets);
    }

    private static CombinationCounts counts(Document doc) {
        if (doc == null) {
            return CombinationCounts.empty();
        }
        Map<String, Number> values = new HashMap<>();
        doc.forEach((k, v) -> values.put(k, (Number) v));
        return CombinationCounts.of(values);
    }
}
