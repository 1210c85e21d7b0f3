package com.propty.resend.idempotency;

import com.propty.resend.claim.ClaimProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} handling for accepting a resend (CONTRACT §3). One key per {@code userId:noticeId:key}
 * in an {@link IdempotencyStore}: the key is scoped to the user and the notice. The first request inserts it in progress (the unique id makes it the only one to
 * proceed), a duplicate waits for it and replays its 202; only 202 answers are remembered, so any
 * failure deletes the record and a retry with the same key starts afresh. Keys are kept
 * {@code resend.idempotency.retention} (24 h) and deleted by a scheduled job: the embedded store has
 * no TTL indexes.
 */
@Component
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final Duration wait;
    private final Duration abandonedAfter;

    public IdempotencyKeys(IdempotencyStore store, Clock clock, IdempotencyProperties properties,
            ClaimProperties claims) {
        this.store = store;
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
        while (!store.begin(id, requestHash, owner, clock.instant())) {
            Optional<IdempotencyStore.StoredKey> existing = store.find(id);
            if (existing.isEmpty()) {
                continue; // the first request failed and forgot the key: this one may proceed
            }
            IdempotencyStore.StoredKey taken = existing.get();
            if (!requestHash.equals(taken.requestHash())) {
                throw new KeyRefused(KeyRefused.Reason.REUSED);
            }
            if (taken.done()) {
                return taken.response();
            }
            if (taken.createdAt().isBefore(clock.instant().minus(abandonedAfter))) {
                // Its owner died mid-way; the claims it may have made time out just the same.
                store.forget(id, taken.owner());
                continue;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new KeyRefused(KeyRefused.Reason.IN_PROGRESS);
            }
            pause();
        }
        String response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            store.forget(id, owner);
            throw e;
        }
        store.complete(id, owner, response);
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
        long removed = store.forgetCreatedBefore(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("Forgot {} idempotency keys older than {}", removed, retention);
        }
    }
}
