package com.propty.notice.property;

import com.propty.events.Requester;
import java.time.Instant;

/** What each property set of its settings ({@code store.MongoPropertySettingsStore}), by property id. */
public interface PropertySettingsStore {

    /** What the property set; {@link PropertySettings.Stored#NOTHING} when it never changed anything. */
    PropertySettings.Stored find(String propertyId);

    /** Replaces what the property set, with who set it and when. */
    void save(String propertyId, PropertySettings.Stored set, Requester by, Instant at);
}
