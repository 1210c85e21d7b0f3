package com.propty.notice.store;

import com.propty.notice.notice.SendSchedule;
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
 * The send schedule in MongoDB: {@code notice_schedule}, {@code _id} = notice id, {@code {sendAt, token}}; {@code
 * sendAt} is only ever lowered ({@code $min}) by a schedule request, and {@code token} changes with each one.
 */
@Component
public class MongoSendSchedule implements SendSchedule {

    public static final String COLLECTION = "notice_schedule";

    private final MongoCollection<Document> entries;

    public MongoSendSchedule(MongoTemplate mongo) {
        this.entries = mongo.getCollection(COLLECTION);
        // Real MongoDB serves the poll from this; the embedded store scans the queue, which holds only pending work.
        entries.createIndex(Indexes.ascending("sendAt"));
    }

    /** Written before and again after the notice's own write, so a scheduled notice always has an entry. */
    @Override
    public void add(String noticeId, Instant sendAt) {
        entries.updateOne(eq("_id", noticeId), Updates.combine(Updates.min("sendAt", Date.from(sendAt)),
                Updates.set("token", UUID.randomUUID().toString())), new UpdateOptions().upsert(true));
    }

    /** A cancelled notice's entry comes due now, so the next poll removes it (not in a write racing a new schedule). */
    @Override
    public void lookNow(String noticeId, Instant now) {
        entries.updateOne(eq("_id", noticeId), Updates.min("sendAt", Date.from(now)));
    }

    @Override
    public List<SendSchedule.Entry> dueBy(Instant now, int limit) {
        List<SendSchedule.Entry> due = new ArrayList<>();
        for (Document doc : entries.find(lte("sendAt", Date.from(now))).limit(limit)) {
            due.add(new SendSchedule.Entry(doc.getString("_id"), doc.getDate("sendAt").toInstant(), doc.getString("token")));
        }
        return due;
    }

    /** Unconditionally: for a notice that will never be scheduled again (sent, sending or gone). */
    @Override
    public void remove(String noticeId) {
        entries.deleteOne(eq("_id", noticeId));
    }

    /** Only if no schedule request wrote the entry since it was read. */
    @Override
    public void removeIfUnchanged(SendSchedule.Entry entry) {
        entries.deleteOne(and(eq("_id", entry.noticeId()), eq("token", entry.token())));
    }

    /** The entry moves to the notice's later time, only if no schedule request wrote it since it was read. */
    @Override
    public void postponeIfUnchanged(SendSchedule.Entry entry, Instant sendAt) {
        entries.updateOne(and(eq("_id", entry.noticeId()), eq("token", entry.token())),
                Updates.set("sendAt", Date.from(sendAt)));
    }

    /** How many entries the queue holds. */
    public long size() {
        return entries.countDocuments();
    }
}
