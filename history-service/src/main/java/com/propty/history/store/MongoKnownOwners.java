package com.propty.history.store;

import com.propty.history.notice.KnownOwners;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The known owners in MongoDB: {@code notice_owners}, {@code _id} = notice id, {@code {propertyId}}. */
@Component
class MongoKnownOwners implements KnownOwners {

    static final String COLLECTION = "notice_owners";

    private final MongoTemplate mongo;

    MongoKnownOwners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> propertyOf(String noticeId) {
        return Optional.ofNullable(mongo.findById(noticeId, Document.class, COLLECTION))
                .map(known -> known.getString("propertyId"));
    }

    @Override
    public void keep(String noticeId, String propertyId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(noticeId)), new Update().setOnInsert("propertyId", propertyId),
                COLLECTION);
    }
}
