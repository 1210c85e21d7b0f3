package com.propty.notice.notice;

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
 * The counters of each sent notice, one document per notice keyed by its id ({@code notice_counters}): the
 * audience's combinations as dispatched ({@code base}, written once by the dispatch), the changes since
 * ({@code deltas}, written only by the projection that owns the notice's partition) and, per topic-partition, the
 * last offset those deltas include ({@code offsets}). Every read and write is a key lookup.
 */
@Component
public class NoticeCounters {

    static final String COLLECTION = "notice_counters";

    private final MongoTemplate mongo;

    public NoticeCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A notice's counters as stored; {@link #offsets} are by {@code topic-partition}. */
    public record Counters(String noticeId, CombinationCounts base, CombinationCounts deltas,
            Map<String, Long> offsets) {

        public static Counters fresh(String noticeId, CombinationCounts base) {
            return new Counters(noticeId, base, CombinationCounts.empty(), Map.of());
        }

        public CombinationCounts total() {
            return base.plus(deltas);
        }

        /** Whether the deltas already include the record at this position (a redelivered batch). */
        public boolean includes(String topicPartition, long offset) {
            Long last = offsets.get(topicPartition);
            return last != null && offset <= last;
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

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

    public Counters byId(String noticeId) {
        Document doc = collection().find(eq("_id", noticeId)).first();
        return doc == null ? null : from(doc);
    }

    /** The audience as dispatched; repeating it (a resumed dispatch) writes the same base. */
    public void setBase(String noticeId, CombinationCounts base) {
        collection().updateOne(eq("_id", noticeId), new Document("$set", new Document("base", toDocument(base))),
                new UpdateOptions().upsert(true));
    }

    /**
     * Writes the deltas and offsets of these notices, each as a whole (the projection owning a notice is its only
     * writer of both), in one unordered bulk; the base is left alone.
     */
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
