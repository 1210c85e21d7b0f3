package com.propty.delivery.store;

import com.mongodb.client.model.Indexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes the scheduled jobs' queries need on a real MongoDB (the embedded store ignores
 * them and scans: README "The embedded store"), and the sends in flight entered into {@link SendsInFlight} from the ledger (sends
 * claimed before it existed, or by an older version). Done once the context is up, so a missing setting fails
 * start-up first.
 */
@Component
class StoreIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private final MongoTemplate mongo;
    private final MongoSendLedger ledger;

    StoreIndexes(MongoTemplate mongo, MongoSendLedger ledger) {
        this.mongo = mongo;
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        // (state, claimedAt) serves the start-up query below
        mongo.getCollection("sends").createIndex(Indexes.ascending("state", "claimedAt"));
        mongo.getCollection("deferred").createIndex(Indexes.ascending("nextAttemptAt"));
        log.info("{} sends in flight in the ledger entered for the in-doubt sweep", ledger.enterSendsInFlight());
    }
}
