package com.propty.delivery.dispatch;

import com.mongodb.client.model.Indexes;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes the scheduled jobs' queries need on a real MongoDB (the embedded store ignores
 * them and scans, see RECIPES). Created once the context is up, so a missing setting fails start-up first.
 */
@Component
class StoreIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.getCollection("sends").createIndex(Indexes.ascending("state", "claimedAt"));
        mongo.getCollection("deferred").createIndex(Indexes.ascending("nextAttemptAt"));
    }
}
