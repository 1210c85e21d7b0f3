package com.propty.notice.resident;

import com.propty.events.Channel;
import com.propty.notice.resident.roll.ImportPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The residents, keyed by id ({@code store.MongoResidentStore}), as {@link Residents} and {@link ResidentImport} read
 * and change them: writes on the id, reads by ids, and the property's active residents in id order (an audience
 * streamed page by page) or by name (the residents page).
 */
public interface ResidentStore {

    /** A page of the property's active residents by name, and how many there are. */
    record NamePage(List<Resident> residents, long total) {
    }

    Resident insert(Resident resident);

    /** The resident, or null when there is none with this id. */
    Resident find(String residentId);

    /** The residents with these ids; ids of none are left out. */
    List<Resident> all(Collection<String> residentIds);

    /** Page {@code page} (from 0) of the property's active residents by name, then id. */
    NamePage activeByName(String propertyId, int page, int size);

    /** Up to {@code limit} active residents of the property after {@code afterId} (from the first when null), by id. */
    List<Resident> activeAfter(String propertyId, String afterId, int limit);

    /** The active residents of the property among these ids, by id. */
    List<Resident> activeAmong(String propertyId, Collection<String> residentIds);

    /** Sets the changed fields (a null value clears that field) and answers the resident as it now is. */
    Resident change(String residentId, Map<String, String> fields, Instant at);

    void archive(String residentId, Instant at);

    /** Every active resident of the property (an import compares the roll with them). */
    List<Resident> active(String propertyId);

    void insertAll(List<Resident> created);

    /** An import's changes and archivings, in one bulk write keyed by id. */
    void applyImport(List<ImportPlan.Change> changes, List<String> archived, Instant at);

    /** Adds each (resident, channel) to the resident's opt-outs, in one bulk write. */
    void optOut(Collection<Map.Entry<String, Channel>> optOuts);
}
