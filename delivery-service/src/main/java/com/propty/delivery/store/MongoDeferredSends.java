package com.propty.delivery.store;

import com.propty.delivery.dispatch.DeferredSends;
import com.propty.delivery.dispatch.ParkedBatch;
import com.propty.delivery.dispatch.Send;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.propty.events.Channel;
import com.propty.events.Content;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable retry store (Mongo {@code deferred}): sends a provider could not take, with when to try them
 * again, and SMS held until their property's quiet hours end ({@code held: true}, reason {@code QUIET_HOURS}; a
 * document without {@code held}, stored before holds existed, is an outage batch). Kept out of the consumer so that an
 * outage or a hold never blocks Kafka consumption and a restart loses nothing.
 */
@Component
class MongoDeferredSends implements DeferredSends {

    private final MongoCollection<Document> deferred;

    MongoDeferredSends(MongoTemplate mongo) {
        this.deferred = mongo.getCollection("deferred");
        // Real MongoDB serves claimDue from this; the embedded store ignores it and scans the retry store.
        deferred.createIndex(Indexes.ascending("nextAttemptAt"));
    }

    @Override
    public void save(ParkedBatch batch) {
        Document doc = new Document("_id", batch.id()).append("channel", batch.channel().name())
                .append("content", new Document("title", batch.content().title()).append("body", batch.content().body())
                        .append("smsText", batch.content().smsText()))
                .append("sends", batch.sends().stream().map(s -> new Document("attemptId", s.attemptId())
                        .append("propertyId", s.propertyId()).append("noticeId", s.noticeId())
                        .append("recipientId", s.recipientId())
                        .append("attempt", s.attempt()).append("address", s.address())).toList())
                .append("firstParkedAt", Date.from(batch.firstParkedAt())).append("tries", batch.tries())
                .append("nextAttemptAt", Date.from(batch.nextAttemptAt())).append("reason", batch.reason())
                .append("held", batch.held());
        deferred.replaceOne(eq("_id", batch.id()), doc, new ReplaceOptions().upsert(true));
    }

    /**
     * Claims batches due now: each is pushed {@code lease} into the future first, so a crash mid-retry
     * brings it back later (its sends are then in doubt in the ledger and are not sent twice).
     */
    @Override
    public List<ParkedBatch> claimDue(Instant now, Duration lease, int limit) {
        List<String> due = new ArrayList<>();
        for (Document doc : deferred.find(lte("nextAttemptAt", Date.from(now))).projection(new Document("_id", 1)).limit(limit)) {
            due.add(doc.getString("_id"));
        }
        List<ParkedBatch> claimed = new ArrayList<>();
        for (String id : due) {
            Document doc = deferred.findOneAndUpdate(and(eq("_id", id), lte("nextAttemptAt", Date.from(now))),
                    Updates.set("nextAttemptAt", Date.from(now.plus(lease))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (doc != null) {
                claimed.add(batch(doc));
            }
        }
        return claimed;
    }

    @Override
    public void remove(String id) {
        deferred.deleteOne(eq("_id", id));
    }

    /** The sends waiting per channel, outage batches and holds apart (read on a schedule for the gauges). */
    @Override
    public Waiting waiting() {
        Map<Channel, Integer> parked = new EnumMap<>(Channel.class);
        Map<Channel, Integer> held = new EnumMap<>(Channel.class);
        for (Document doc : deferred.find().projection(new Document("channel", 1).append("sends", 1).append("held", 1))) {
            (held(doc) ? held : parked).merge(Channel.valueOf(doc.getString("channel")),
                    doc.getList("sends", Document.class).size(), Integer::sum);
        }
        return new Waiting(parked, held);
    }

    @Override
    public long count() {
        return deferred.countDocuments();
    }

    private static ParkedBatch batch(Document doc) {
        Document content = doc.get("content", Document.class);
        Channel channel = Channel.valueOf(doc.getString("channel"));
        List<Send> sends = doc.getList("sends", Document.class).stream().map(s -> new Send(s.getString("attemptId"),
                s.getString("propertyId"), s.getString("noticeId"), s.getString("recipientId"), channel, s.getInteger("attempt"),
                s.getString("address"))).toList();
        return new ParkedBatch(doc.getString("_id"), channel, new Content(content.getString("title"),
                content.getString("body"), content.getString("smsText")), sends, doc.getDate("firstParkedAt").toInstant(),
                doc.getInteger("tries"), doc.getDate("nextAttemptAt").toInstant(), doc.getString("reason"), held(doc));
    }

    /** Only a document that says so is a hold: those stored before holds existed are outage batches. */
    private static boolean held(Document doc) {
        return Boolean.TRUE.equals(doc.get("held"));
    }
}
