package com.propty.history.store;

import java.util.function.Consumer;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An unordered bulk of idempotent upserts ({@code $max}/{@code $setOnInsert} by {@code _id}). Two consumers may
 * create the same document at once; the loser's upsert fails on the unique {@code _id}. Running the bulk again is
 * then harmless and finds the document.
 */
final class Upserts {

    private static final int DUPLICATE_KEY = 11000;

    private Upserts() {
    }

    static void all(MongoTemplate mongo, String collection, Consumer<BulkOperations> operations) {
        for (int attempt = 1; ; attempt++) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            operations.accept(bulk);
            try {
                bulk.execute();
                return;
            } catch (BulkOperationException e) {
                boolean onlyRaces = e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
                if (!onlyRaces || attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
