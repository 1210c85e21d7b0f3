package com.propty.resend.store;

import com.propty.resend.request.ResendRecord;
import com.propty.resend.request.ResendRecords;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The accepted resends in MongoDB: {@code resends}, {@code _id = resendId}, the record's other fields as written. */
@Component
class MongoResendRecords implements ResendRecords {

    static final String COLLECTION = "resends";

    private final MongoTemplate mongo;

    MongoResendRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void keep(ResendRecord record) {
        Document doc = new Document();
        mongo.getConverter().write(record, doc);
        doc.remove("resendId");
        doc.remove("_class");
        doc.put("_id", record.resendId());
        mongo.insert(doc, COLLECTION);
    }
}
