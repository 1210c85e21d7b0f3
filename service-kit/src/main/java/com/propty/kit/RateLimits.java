package com.propty.kit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-user rate limits that hold with any number of instances of a service: a fixed-window counter per
 * (action, user, window) in the service's MongoDB, {@code _id = action:userId:windowIndex}, incremented atomically
 * with an upsert (a key lookup on the embedded store too). A refused action answers 429 with {@code Retry-After}.
 *
 * <p>Old windows: real MongoDB expires them through the TTL index on {@code expiresAt}; the embedded store has no TTL,
 * so when a user's new window starts, the counters of their previous {@link #SWEPT_WINDOWS} windows are deleted by key.
 */
public class RateLimits {

    static final String COLLECTION = "rate_limits";
    static final int SWEPT_WINDOWS = 10;

    private final MongoTemplate mongo;
    private final RateLimitProperties properties;
    private final Clock clock;

    public RateLimits(MongoTemplate mongo, RateLimitProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt",
                org.springframework.data.domain.Sort.Direction.ASC).expire(java.time.Duration.ZERO));
    }

    /** Counts one {@code action} of {@code user}; throws {@link TooManyRequests} past the limit. */
    public void acquire(Caller user, String action) {
        RateLimitProperties.Limit configured = properties.actions().get(action);
        if (configured == null) {
            return;
        }
        FixedWindow limit = new FixedWindow(configured.limit(), configured.window());
        Instant now = clock.instant();
        long index = limit.index(now);
        String prefix = action + ":" + user.id() + ":";
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(prefix + index)),
                new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(limit.end(now))),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        long count = counter == null ? 1 : ((Number) counter.get("count")).longValue();
        if (count == 1) {
            List<String> previous = new ArrayList<>();
            for (long i = index - SWEPT_WINDOWS; i < index; i++) {
                previous.add(prefix + i);
            }
            mongo.remove(Query.query(Criteria.where("_id").in(previous)), COLLECTION);
        }
        if (!limit.allows(count)) {
            throw new TooManyRequests(action, limit.limit(), limit.window().toSeconds(), limit.retryAfterSeconds(now));
        }
    }
}
