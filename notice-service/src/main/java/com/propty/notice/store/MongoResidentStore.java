package com.propty.notice.store;

import com.propty.events.Channel;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.ResidentStore;
import com.propty.notice.resident.roll.ImportPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The residents in MongoDB: {@code residents}, {@code _id} = the resident's id, the record's other fields as named. */
@Component
class MongoResidentStore implements ResidentStore {

    static final String COLLECTION = "residents";

    private final MongoTemplate mongo;

    MongoResidentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Resident insert(Resident resident) {
        return mongo.insert(resident, COLLECTION);
    }

    @Override
    public Resident find(String residentId) {
        return mongo.findById(residentId, Resident.class, COLLECTION);
    }

    @Override
    public List<Resident> all(Collection<String> residentIds) {
        return residentIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(residentIds)), Resident.class, COLLECTION);
    }

    @Override
    public NamePage activeByName(String propertyId, int page, int size) {
        Query query = Query.query(Criteria.where("propertyId").is(propertyId).and("archived").is(false));
        long total = mongo.count(query, Resident.class, COLLECTION);
        query.with(Sort.by("name", "_id")).skip((long) page * size).limit(size);
        return new NamePage(mongo.find(query, Resident.class, COLLECTION), total);
    }

    @Override
    public List<Resident> activeAfter(String propertyId, String afterId, int limit) {
        Criteria criteria = Criteria.where("propertyId").is(propertyId).and("archived").is(false);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Resident.class, COLLECTION);
    }

    @Override
    public List<Resident> activeAmong(String propertyId, Collection<String> residentIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(residentIds).and("propertyId").is(propertyId)
                .and("archived").is(false)).with(Sort.by("_id")), Resident.class, COLLECTION);
    }

    /** Sets the changed fields (a null value clears that field) and answers the resident as it now is. */
    @Override
    public Resident change(String residentId, Map<String, String> fields, Instant at) {
        Update update = new Update().set("updatedAt", at);
        fields.forEach((field, value) -> setOrUnset(update, field, value));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(residentId)), update, Resident.class, COLLECTION);
        return find(residentId);
    }

    @Override
    public void archive(String residentId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(residentId)),
                new Update().set("archived", true).set("updatedAt", at), Resident.class, COLLECTION);
    }

    /** Every active resident of the property (an import compares the roll with them). */
    @Override
    public List<Resident> active(String propertyId) {
        return mongo.find(Query.query(Criteria.where("propertyId").is(propertyId).and("archived").is(false)),
                Resident.class, COLLECTION);
    }

    @Override
    public void insertAll(List<Resident> created) {
        mongo.insert(created, COLLECTION);
    }

    /** An import's changes and archivings, in one bulk write keyed by id. */
    @Override
    public void applyImport(List<ImportPlan.Change> changes, List<String> archived, Instant at) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Resident.class, COLLECTION);
        for (ImportPlan.Change change : changes) {
            Update update = new Update().set("updatedAt", at);
            setOrUnset(update, "externalId", change.externalId());
            setOrUnset(update, "name", change.name());
            setOrUnset(update, "email", change.email());
            setOrUnset(update, "phone", change.phone());
            setOrUnset(update, "unit", change.unit());
            bulk.updateOne(Query.query(Criteria.where("_id").is(change.residentId())), update);
        }
        for (String id : archived) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().set("archived", true).set("updatedAt", at));
        }
        bulk.execute();
    }

    /** Adds each (resident, channel) to the resident's opt-outs, in one bulk write. */
    @Override
    public void optOut(Collection<Map.Entry<String, Channel>> optOuts) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Resident.class, COLLECTION);
        for (Map.Entry<String, Channel> optOut : optOuts) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(optOut.getKey())),
                    new Update().addToSet("optedOut", optOut.getValue().name()));
        }
        bulk.execute();
    }

    private static void setOrUnset(Update update, String field, String value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
