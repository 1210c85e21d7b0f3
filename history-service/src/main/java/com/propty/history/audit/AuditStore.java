package com.propty.history.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the audit trail lives ({@code store.MongoAuditStore}): one entry per id, kept once (a second write of an
 * entry changes nothing), paged per property newest first by its page key ({@link AuditCursor#pageKey}).
 */
public interface AuditStore {

    /** Keeps each entry unless one with its id is kept already. */
    void keep(List<StoredEntry> entries);

    /** Up to {@code limit} entries of the property, newest first, all before {@code beforeKey} when it is given. */
    List<StoredEntry> page(String propertyId, String beforeKey, int limit);

    /** An entry as kept, with the key it is paged by; details are already masked. */
    record StoredEntry(String entryId, String propertyId, String pageKey, Instant at, Map<String, Object> actor,
            String action, Map<String, Object> target, String requestId, Map<String, Object> details) {
    }
}
