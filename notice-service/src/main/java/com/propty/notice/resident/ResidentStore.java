package com.propty.notice.resident;

import com.propty.events.Channel;
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

/**
 * The residents ({@code residents}, keyed by id) as {@link Residents} reads and changes them: writes on the id, reads
 * by ids, and the property's active residents in id order (an audience streamed page by page) or by name (the
 * residents page).
 */
@Component
class ResidentStore {

    private final MongoTemplate mongo;

    ResidentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Resident insert(Resident resident) {
        return mongo.insert(resident);
    }

    Resident find(String residentId) {
        return mongo.findById(residentId, Resident.class);
    }

    List<Resident> all(Collection<String> residentIds) {
        return residentIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(residentIds)), Resident.class);
    }

    /** A page of the property's active residents by name, and how many there are. */
    record NamePage(List<Resident> residents, long total) {
    }

    NamePage activeByName(String propertyId, int page, int size) {
        Query query = Query.query(Criteria.where("propertyId").is(propertyId).and("archived").is(false));
        long total = mongo.count(query, Resident.class);
        query.with(Sort.by("name", "_id")).skip((long) page * size).limit(size);
        return new NamePage(mongo.find(query, Resident.class), total);
    }

    List<Resident> activeAfter(String propertyId, String afterId, int limit) {
        Criteria criteria = Criteria.where("propertyId").is(propertyId).and("archived").is(false);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Resident.class);
    }

    List<Resident> activeAmong(String propertyId, Collection<String> residentIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(residentIds).and("propertyId").is(propertyId)
                .and("archived").is(false)).with(Sort.by("_id")), Resident.class);
    }

    /** Sets the changed fields (a null value clears that field) and answers the resident as it now is. */
    Resident change(String residentId, Map<String, String> fields, Instant at) {
        Update update = new Update().set("updatedAt", at);
        fields.forEach((field, value) -> setOrUnset(update, field, value));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(residentId)), update, Resident.class);
        return find(residentId);
    }

    void archive(String residentId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(residentId)),
                new Update().set("archived", true).set("updatedAt", at), Resident.class);
    }

    /** Every active resident of the property (an import compares the roll with them). */
    List<Resident> active(String propertyId) {
        return mongo.find(Query.query(Criteria.where("propertyId").is(propertyId).and("archived").is(false)),
                Resident.class);
    }

    void insertAll(List<Resident> created) {
        mongo.insertAll(created);
    }

    /** An import's changes and archivings, in one bulk write keyed by id. */
    void applyImport(List<ImportPlan.Change> changes, List<String> archived, Instant at) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Resident.class);
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
    void optOut(Collection<Map.Entry<String, Channel>> optOuts) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Resident.class);
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
