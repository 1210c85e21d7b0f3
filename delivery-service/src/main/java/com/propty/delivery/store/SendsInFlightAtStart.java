package com.propty.delivery.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Enters the sends the ledger holds in flight into {@link SendsInFlight} once the context is up: sends claimed before
 * it existed, or by an older version. After start-up, so a missing setting fails start-up first.
 */
@Component
class SendsInFlightAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SendsInFlightAtStart.class);

    private final MongoSendLedger ledger;

    SendsInFlightAtStart(MongoSendLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("{} sends in flight in the ledger entered for the in-doubt sweep", ledger.enterSendsInFlight());
    }
}
