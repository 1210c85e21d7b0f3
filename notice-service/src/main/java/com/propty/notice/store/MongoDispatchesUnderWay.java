package com.propty.notice.store;

import com.propty.notice.notice.DispatchesUnderWay;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatches under way in MongoDB: {@code notice_dispatches}, {@code _id} = notice id, {@code {leaseUntil}}, only
 * ever raised ({@code $max}) but by the recovery job's conditional removal.
 */
@Component
public class MongoDispatchesUnderWay implements DispatchesUnderWay {

    public static final String COLLECTION = "notice_dispatches";

    private final MongoCollection<Document> entries;

    public MongoDispatchesUnderWay(MongoTemplate mongo) {
        this.entries = mongo.getCollection(COLLECTION);
        // Real MongoDB serves the recovery job from this; the embedded store scans the queue (only work under way).
        entries.createIndex(Indexes.ascending("leaseUntil"));
    }

    /** Before a dispatch begins, or when its lease is taken or seen extended. */
    @Override
    public void hold(String noticeId, Instant leaseUntil) {
        entries.updateOne(eq("_id", noticeId), Updates.max("leaseUntil", Date.from(leaseUntil)),
                new UpdateOptions().upsert(true));
    }

    @Override
    public List<DispatchesUnderWay.Entry> leaseEndedBefore(Instant now, int limit) {
        List<DispatchesUnderWay.Entry> ended = new ArrayList<>();
        for (Document doc : entries.find(lt("leaseUntil", Date.from(now))).limit(limit)) {
            ended.add(new DispatchesUnderWay.Entry(doc.getString("_id"), doc.getDate("leaseUntil").toInstant()));
        }
        return ended;
    }

    /** Unconditionally: the notice's dispatch is done (a notice is dispatched once). */
    @Override
    public void remove(String noticeId) {
        entries.deleteOne(eq("_id", noticeId));
    }

    /** Only if no dispatch began (or took the lease) since the entry was read. */
    @Override
    public void removeIfUnchanged(DispatchesUnderWay.Entry entry) {
        entries.deleteOne(and(eq("_id", entry.noticeId()), eq("leaseUntil", Date.from(entry.leaseUntil()))));
    }

    /** How many entries the queue holds. */
    public long size() {
        return entries.countDocuments();
    }
}
