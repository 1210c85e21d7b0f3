package com.propty.resend.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the idempotency keys live ({@code idempotency_keys} in MongoDB, {@code store.MongoIdempotencyStore}), one per
 * {@code userId:noticeId:key}. Each key is written only by the request that owns it ({@code owner}).
 */
public interface IdempotencyStore {

    /** Inserts the key as in progress for {@code owner}; false when the key is taken. */
    boolean begin(String id, String requestHash, String owner, Instant createdAt);

    /** The key as stored, if it is. */
    Optional<StoredKey> find(String id);

    /** Remembers the answer of the owner's request. */
    void complete(String id, String owner, String response);

    /** Forgets the key, if {@code owner} still has it. */
    void forget(String id, String owner);

    /** Forgets every key created before {@code before}, and says how many. */
    long forgetCreatedBefore(Instant before);

    /** A key: its request's hash, its owner, when it was taken, and the answer once the request is done. */
    record StoredKey(String requestHash, String owner, Instant createdAt, String response) {

        boolean done() {
            return response != null;
        }
    }
}
