package com.propty.resend.idempotency;

import com.propty.kit.ApiProblem;
import com.propty.resend.claim.ClaimProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} handling for accepting a resend (CONTRACT §3). One document per key in
 * {@code idempotency_keys}, {@code _id = userId:noticeId:key}: the key is scoped to the user and the
 * notice. The first request inserts it IN_PROGRESS (the unique {@code _id} makes it the only one to
 * proceed), a duplicate waits for it and replays its 202; only 202 answers are remembered, so any
 * failure deletes the record and a retry with the same key starts afresh. Keys are kept
 * {@code resend.idempotency.retention} (24 h) and deleted by a scheduled job: the embedded store has
 * no TTL indexes.
 */
@Component
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final Duration wait;
    private final Duration abandonedAfter;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock, IdempotencyProperties properties,
            ClaimProperties claims) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = properties.retention();
        this.wait = properties.waitForFirst();
        this.abandonedAfter = claims.claimTimeout();
    }

    /**
     * The canonical form of a request: the scope as sent, the ids (order- and duplicate-insensitive) and the fallback
     * option (written only when asked for, so a key remembered before it existed still matches its request).
     */
    public static String hash(String scope, Collection<String> recipientIds, boolean fallback) {
        StringBuilder canonical = new StringBuilder("scope=").append(scope).append(fallback ? ";fallback" : "")
                .append(";ids=");
        if (recipientIds != null) {
            recipientIds.stream().distinct().sorted().forEach(id -> canonical.append(id).append('\u0000'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code work} at most once per key: returns its JSON answer, or the one remembered for an
     * identical earlier request (waiting for it if it is still running).
     */
    public String once(String userId, String noticeId, String key, String requestHash, Supplier<String> work) {
        String id = userId + ":" + noticeId + ":" + key;
        String owner = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            try {
                mongo.insert(new Document("_id", id).append("hash", requestHash).append("state", "IN_PROGRESS")
                        .append("owner", owner).append("createdAt", Date.from(clock.instant())), COLLECTION);
                break;
            } catch (DuplicateKeyException taken) {
                Document existing = mongo.findById(id, Document.class, COLLECTION);
                if (existing == null) {
                    continue; // the first request failed and forgot the key: this one may proceed
                }
                if (!requestHash.equals(existing.getString("hash"))) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                            "Idempotency key reused",
                            "This Idempotency-Key was already used for another request on this notice.");
                }
                if ("DONE".equals(existing.getString("state"))) {
                    return existing.getString("response");
                }
                if (existing.getDate("createdAt").toInstant().isBefore(clock.instant().minus(abandonedAfter))) {
                    // Its owner died mid-way; the claims it may have made time out just the same.
                    mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(existing.getString("owner"))),
                            COLLECTION);
                    continue;
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS", "Request in progress",
                            "A request with this Idempotency-Key is still being processed; retry shortly.");
                }
                pause();
            }
        }
        String response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)),
                new Update().set("state", "DONE").set("response", response), COLLECTION);
        return response;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent identical request", e);
        }
    }

    @Scheduled(fixedDelayString = "${resend.idempotency.cleanup-interval:PT10M}")
    public void forgetExpired() {
        long removed = mongo.remove(Query.query(Criteria.where("createdAt").lt(Date.from(clock.instant().minus(retention)))),
                COLLECTION).getDeletedCount();
        if (removed > 0) {
            log.info("Forgot {} idempotency keys older than {}", removed, retention);
        }
    }
}
