package com.propty.delivery.store;

import com.propty.delivery.webhook.AppliedEvents;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Applied provider events in MongoDB: {@code webhook_events}, {@code _id} = the event's key, {@code {appliedAt}}. */
@Component
class MongoAppliedEvents implements AppliedEvents {

    private final MongoCollection<Document> events;
    private final Clock clock;

    MongoAppliedEvents(MongoTemplate mongo, Clock clock) {
        this.events = mongo.getCollection("webhook_events");
        this.clock = clock;
    }

    @Override
    public Set<String> alreadyApplied(Collection<String> keys) {
        Set<String> applied = new HashSet<>();
        if (!keys.isEmpty()) {
            events.find(in("_id", keys)).projection(new Document("_id", 1)).forEach(d -> applied.add(d.getString("_id")));
        }
        return applied;
    }

    @Override
    public void markApplied(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        try {
            events.insertMany(keys.stream().map(k -> new Document("_id", k).append("appliedAt", now)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a concurrent delivery of the same event got there first: applied either way
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }
}
