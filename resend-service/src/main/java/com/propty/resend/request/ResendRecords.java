package com.propty.resend.request;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store of accepted resends ({@code resends}, keyed by resend id): written once per resend, after its chunks are on
 * the bus; history-service, not this one, answers what a resend did. The use case sees this, never the template.
 */
@Component
class ResendRecords {

    private final MongoTemplate mongo;

    ResendRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(ResendRecord record) {
        mongo.insert(record);
    }
}
