package com.propty.notice.notice;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The scheduled notices not yet sent ({@code notice_schedule}, one entry per notice, {@code _id} = notice id), so
 * the poller reads these and not every notice ever sent (the embedded store scans a collection for any query but a
 * key lookup). An entry is a hint, never the truth: its {@code sendAt} is at most the notice's {@code scheduledAt}
 * ({@code $min}), and what is done with it is decided from the notice read by key ({@link QueueEntryRules}).
 * {@code token} changes with every schedule request, so the poller's conditional writes lose to a request that
 * wrote the entry after the poller read it.
 */
@Component
class SendSchedule {

    static final String COLLECTION = "notice_schedule";

    /** One scheduled notice: look at it from {@code sendAt} on. */
    record Entry(String noticeId, Instant sendAt, String token) {
    }

    private final MongoCollection<Document> entries;

    SendSchedule(MongoTemplate mongo) {
        this.entries = mongo.getCollection(COLLECTION);
        // Real MongoDB serves the poll from this; the embedded store scans the queue, which holds only pending work.
        entries.createIndex(Indexes.ascending("sendAt"));
    }

    /** Written before and again after the notice's own write, so a scheduled notice always has an entry. */
    void add(String noticeId, Instant sendAt) {
        entries.updateOne(eq("_id", noticeId), Updates.combine(Updates.min("sendAt", Date.from(sendAt)),
                Updates.set("token", UUID.randomUUID().toString())), new UpdateOptions().upsert(true));
    }

    /** A cancelled notice's entry comes due now, so the next poll removes it (not in a write racing a new schedule). */
    void lookNow(String noticeId, Instant now) {
        entries.updateOne(eq("_id", noticeId), Updates.min("sendAt", Date.from(now)));
    }

    List<Entry> dueBy(Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        for (Document doc : entries.find(lte("sendAt", Date.from(now))).limit(limit)) {
            due.add(new Entry(doc.getString("_id"), doc.getDate("sendAt").toInstant(), doc.getString("token")));
        }
        return due;
    }

    /** Unconditionally: for a notice that will never be scheduled again (sent, sending or gone). */
    void remove(String noticeId) {
        entries.deleteOne(eq("_id", noticeId));
    }

    /** Only if no schedule request wrote the entry since it was read. */
    void removeIfUnchanged(Entry entry) {
        entries.deleteOne(and(eq("_id", entry.noticeId()), eq("token", entry.token())));
    }

    /** The entry moves to the notice's later time, only if no schedule request wrote it since it was read. */
    void postponeIfUnchanged(Entry entry, Instant sendAt) {
        entries.updateOne(and(eq("_id", entry.noticeId()), eq("token", entry.token())),
                Updates.set("sendAt", Date.from(sendAt)));
    }

    long size() {
        return entries.countDocuments();
    }
}
