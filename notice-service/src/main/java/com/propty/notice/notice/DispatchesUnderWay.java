package com.propty.notice.notice;

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
 * The first dispatches not finished yet ({@code notice_dispatches}, {@code _id} = notice id, with a copy of the
 * dispatch's lease), so the recovery job reads these and not every notice ever sent. Written before the notice
 * turns SENDING and removed once every chunk is on the broker; the lease on the notice stays the truth
 * ({@link QueueEntryRules}). Every write of {@code leaseUntil} is a {@code $max} with a time past now, so the job's
 * conditional removal loses to a dispatch that began after the job read the entry.
 */
@Component
class DispatchesUnderWay {

    static final String COLLECTION = "notice_dispatches";

    /** One dispatch under way: nobody need look at it before {@code leaseUntil}. */
    record Entry(String noticeId, Instant leaseUntil) {
    }

    private final MongoCollection<Document> entries;

    DispatchesUnderWay(MongoTemplate mongo) {
        this.entries = mongo.getCollection(COLLECTION);
        // Real MongoDB serves the recovery job from this; the embedded store scans the queue (only work under way).
        entries.createIndex(Indexes.ascending("leaseUntil"));
    }

    /** Before a dispatch begins, or when its lease is taken or seen extended. */
    void hold(String noticeId, Instant leaseUntil) {
        entries.updateOne(eq("_id", noticeId), Updates.max("leaseUntil", Date.from(leaseUntil)),
                new UpdateOptions().upsert(true));
    }

    List<Entry> leaseEndedBefore(Instant now, int limit) {
        List<Entry> ended = new ArrayList<>();
        for (Document doc : entries.find(lt("leaseUntil", Date.from(now))).limit(limit)) {
            ended.add(new Entry(doc.getString("_id"), doc.getDate("leaseUntil").toInstant()));
        }
        return ended;
    }

    /** Unconditionally: the notice's dispatch is done (a notice is dispatched once). */
    void remove(String noticeId) {
        entries.deleteOne(eq("_id", noticeId));
    }

    /** Only if no dispatch began (or took the lease) since the entry was read. */
    void removeIfUnchanged(Entry entry) {
        entries.deleteOne(and(eq("_id", entry.noticeId()), eq("leaseUntil", Date.from(entry.leaseUntil()))));
    }

    long size() {
        return entries.countDocuments();
    }
}
