package com.propty.notice.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.propty.events.Requester;
import com.propty.notice.property.PropertySettings;
import com.propty.notice.property.PropertySettingsStore;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The property settings in MongoDB: {@code property_settings}, one document per property that changed its settings,
 * {@code _id} its id.
 */
@Component
class MongoPropertySettingsStore implements PropertySettingsStore {

    private final MongoCollection<Document> settings;

    MongoPropertySettingsStore(MongoTemplate mongo) {
        this.settings = mongo.getCollection("property_settings");
    }

    @Override
    public PropertySettings.Stored find(String propertyId) {
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

    @Override
    public void save(String propertyId, PropertySettings.Stored set, Requester by, Instant at) {
        settings.replaceOne(eq("_id", propertyId), new Document("_id", propertyId).append("timeZone", set.timeZone())
                .append("quietHoursEnabled", set.quietHoursEnabled()).append("quietHoursStart", set.quietHoursStart())
                .append("quietHoursEnd", set.quietHoursEnd()).append("updatedAt", Date.from(at))
                .append("updatedBy", new Document("id", by.id()).append("name", by.name())),
                new ReplaceOptions().upsert(true));
    }
}
