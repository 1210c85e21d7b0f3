package com.propty.delivery.webhook;

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

/** Provider events already applied (Mongo {@code webhook_events}, unique {@code _id}): a replay changes nothing. */
@Component
class AppliedEvents {

    private final MongoCollection<Document> events;
    private final Clock clock;

    AppliedEvents(MongoTemplate mongo, Clock clock) {
        this.events = mongo.getCollection("webhook_events");
        this.clock = clock;
    }

    Set<String> alreadyApplied(Collection<String> keys) {
        Set<String> applied = new HashSet<>();
        if (!keys.isEmpty()) {
            events.find(in("_id", keys)).projection(new Document("_id", 1)).forEach(d -> applied.add(d.getString("_id")));
        }
        return applied;
    }

    void markApplied(Collection<String> keys) {
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
