package com.propty.notice.property;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.propty.events.Requester;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Mongo {@code property_settings}: one document per property that changed its settings, {@code _id} its id. */
@Component
class PropertySettingsStore {

    private final MongoCollection<Document> settings;

    PropertySettingsStore(MongoTemplate mongo) {
        this.settings = mongo.getCollection("property_settings");
    }

    /** What the property set; {@link PropertySettings.Stored#NOTHING} when it never changed anything. */
    PropertySettings.Stored find(String propertyId) {
        Document doc = settings.find(eq("_id", propertyId)).first();
        if (doc == null) {
            return PropertySettings.Stored.NOTHING;
        }
        Document by = doc.get("updatedBy", Document.class);
        Date at = doc.getDate("updatedAt");
        return new PropertySettings.Stored(doc.getString("timeZone"), doc.getBoolean("quietHoursEnabled"),
                doc.getString("quietHoursStart"), doc.getString("quietHoursEnd"), at == null ? null : at.toInstant(),
                by == null ? null : new Requester(by.getString("id"), by.getString("name")));
    }

    void save(String propertyId, PropertySettings.Stored set, Requester by, Instant at) {
        settings.replaceOne(eq("_id", propertyId), new Document("_id", propertyId).append("timeZone", set.timeZone())
                .append("quietHoursEnabled", set.quietHoursEnabled()).append("quietHoursStart", set.quietHoursStart())
                .append("quietHoursEnd", set.quietHoursEnd()).append("updatedAt", Date.from(at))
                .append("updatedBy", new Document("id", by.id()).append("name", by.name())),
                new ReplaceOptions().upsert(true));
    }
}
