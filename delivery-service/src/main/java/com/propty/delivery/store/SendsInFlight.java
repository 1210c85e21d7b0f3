package com.propty.delivery.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The ledger's sends that may be in flight ({@code sends_in_flight}, {@code _id} = the send's key, {@code claimedAt}),
 * so the in-doubt sweep reads these and not the whole ledger, which grows with every delivery (the embedded store
 * scans a collection for any query but a key lookup). An entry is written before its send is claimed and removed
 * when the send is settled; it only says where to look: the sweep reads the ledger by key and decides from the send's
 * own state. Every write of {@code claimedAt} is a {@code $max} with now, so the sweep's conditional removal loses to a
 * claim made after the sweep read the entry.
 */
final class SendsInFlight {

    static final String COLLECTION = "sends_in_flight";

    private final MongoCollection<Document> entries;

    SendsInFlight(MongoCollection<Document> entries) {
        this.entries = entries;
        // Real MongoDB serves the sweep from this; the embedded store scans this collection, which holds only sends
        // claimed and not settled yet.
        entries.createIndex(Indexes.ascending("claimedAt"));
    }

    void add(Collection<String> keys, Date claimedAt) {
        Map<String, Date> entries = new LinkedHashMap<>();
        keys.forEach(key -> entries.put(key, claimedAt));
        add(entries);
    }

    /** key → claimedAt, in one write. */
    void add(Map<String, Date> claimedAt) {
        if (claimedAt.isEmpty()) {
            return;
        }
        entries.bulkWrite(claimedAt.entrySet().stream().map(e -> new UpdateOneModel<Document>(eq("_id", e.getKey()),
                Updates.max("claimedAt", e.getValue()), new UpdateOptions().upsert(true))).toList(),
                new BulkWriteOptions().ordered(false));
    }

    /** Up to {@code limit} entries claimed before {@code cutoff}: key → claimedAt. */
    Map<String, Date> claimedBefore(Date cutoff, int limit) {
        Map<String, Date> due = new LinkedHashMap<>();
        for (Document doc : entries.find(lt("claimedAt", cutoff)).limit(limit)) {
            due.put(doc.getString("_id"), doc.getDate("claimedAt"));
        }
        return due;
    }

    /** Unconditionally: these sends are settled, which is final. */
    void remove(Collection<String> keys) {
        if (!keys.isEmpty()) {
            entries.deleteMany(in("_id", keys));
        }
    }

    /** Each entry only if no claim wrote it since it was read with this {@code claimedAt} (one write for all). */
    void removeIfUnchanged(Map<String, Date> claimedAt) {
        if (!claimedAt.isEmpty()) {
            entries.deleteMany(or(claimedAt.entrySet().stream()
                    .map(e -> and(eq("_id", e.getKey()), eq("claimedAt", e.getValue()))).toList()));
        }
    }

    long size() {
        return entries.countDocuments();
    }
}
