package com.propty.notice.store;

import com.propty.notice.recipient.StatusIndex;
import com.propty.notice.recipient.StatusPositions;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.propty.events.Channel;
import com.propty.events.DeliveryStatus;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link StatusPositions} in MongoDB: one document per (notice, channel, status) keyed {@code
 * noticeId:CHANNEL:STATUS} in {@code notice_status_positions}, the positions as a bit set (6 KB at 50,000
 * recipients). Seeded whole by the dispatch, then written only by the projection that owns the
 * notice, before the recipients it changed. A notice without them (sent before they existed) has none of the ten
 * documents, and its filtered views walk the audience instead.
 */
@Component
class MongoStatusIndex implements StatusIndex {

    static final String COLLECTION = "notice_status_positions";

    private final MongoTemplate mongo;

    MongoStatusIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** The positions of these notices, read by key; notices without them are absent. */
    @Override
    public Map<String, StatusPositions> of(Collection<String> noticeIds) {
        return read(noticeIds, StatusPositions.keys(Set.of(), null));
    }

    /**
     * A notice's positions for one table filter: only the sets {@link StatusPositions#selected} reads for it (the
     * others stay empty), or null when the notice has none (the dispatch seeds all ten, so any one tells).
     */
    StatusPositions of(String noticeId, Set<DeliveryStatus> statuses, Channel channel) {
        return read(List.of(noticeId), StatusPositions.keys(statuses, channel)).get(noticeId);
    }

    private Map<String, StatusPositions> read(Collection<String> noticeIds, List<String> keys) {
        List<String> ids = new ArrayList<>();
        for (String noticeId : noticeIds) {
            keys.forEach(key -> ids.add(documentId(noticeId, key)));
        }
        Map<String, Map<String, BitSet>> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : collection().find(in("_id", ids))) {
                Binary bits = doc.get("bits", Binary.class);
                stored.computeIfAbsent(doc.getString("noticeId"), n -> new HashMap<>())
                        .put(doc.getString("key"), BitSet.valueOf(bits == null ? new byte[0] : bits.getData()));
            }
        }
        Map<String, StatusPositions> found = new HashMap<>();
        stored.forEach((noticeId, sets) -> found.put(noticeId, StatusPositions.of(sets)));
        return found;
    }

    /** Writes every set of a notice (the dispatch's seed, repeated as is by a resumed dispatch). */
    void seed(String noticeId, StatusPositions positions) {
        write(Map.of(noticeId, positions.all()));
    }

    /** Writes the sets that changed in these notices' positions, in one unordered bulk. */
    @Override
    public void writeChanged(Map<String, StatusPositions> byNotice) {
        Map<String, Map<String, BitSet>> changed = new HashMap<>();
        byNotice.forEach((noticeId, positions) -> {
            if (!positions.changed().isEmpty()) {
                changed.put(noticeId, positions.changed());
            }
        });
        write(changed);
    }

    private void write(Map<String, Map<String, BitSet>> byNotice) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        byNotice.forEach((noticeId, sets) -> sets.forEach((key, bits) -> {
            String id = documentId(noticeId, key);
            writes.add(new ReplaceOneModel<>(eq("_id", id), new Document("_id", id).append("noticeId", noticeId)
                    .append("key", key).append("bits", new Binary(bits.toByteArray())),
                    new ReplaceOptions().upsert(true)));
        }));
        if (!writes.isEmpty()) {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static String documentId(String noticeId, String key) {
        return noticeId + ":" + key;
    }
}
