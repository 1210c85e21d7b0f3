package com.propty.kit.lease;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Leases on jobs that every instance of a service schedules but only one may run at a time (a sweep over shared
 * work): one document per job in {@code job_leases}, keyed by the job's name, holding the holder and the instant the
 * lease ends. An instance runs the job only while it holds the lease and renews it each run; when the holder dies,
 * another takes the job over once the lease has ended. Both steps are single-document conditional writes by key,
 * so two instances never hold one lease at once (the store's clock is not used: instances compare their own
 * clocks, so a lease must be far longer than any skew between hosts).
 */
public final class JobLeases {

    static final String COLLECTION = "job_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;

    public JobLeases(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    JobLeases(MongoTemplate mongo, Clock clock, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = holder;
    }

    private MongoCollection<Document> leases() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Takes or renews the lease on {@code job} for {@code length} from now: true when this instance holds it (it
     * held it already, it had ended, or nobody had taken it yet), false while another instance holds it.
     */
    public boolean hold(String job, Duration length) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(length));
        Document renewed = leases().findOneAndUpdate(
                and(eq("_id", job), or(eq("holder", holder), lte("until", Date.from(now)))),
                Updates.combine(Updates.set("holder", holder), Updates.set("until", until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (renewed != null) {
            return true;
        }
        try {
            leases().insertOne(new Document("_id", job).append("holder", holder).append("until", until));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another instance holds it
            }
            throw e;
        }
    }

    /** Gives the lease up (at a clean shutdown), so another instance need not wait for it to end. */
    public void release(String job) {
        leases().deleteOne(and(eq("_id", job), eq("holder", holder)));
    }
}
