package com.propty.history.audit;

import com.propty.events.AuditRecorded;
import com.propty.history.audit.AuditStore.StoredEntry;
import com.propty.kit.ApiProblem;
import com.propty.kit.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The audit trail of every property ({@code GET /api/properties/{id}/audit}), projected from {@code audit-events}:
 * one entry per id in an {@link AuditStore}, kept once, so an entry published twice (the producers' relays may) or
 * replayed changes nothing. Read newest first by keyed paging ({@link AuditCursor}),
 * by property administrators only.
 */
@Component
public class AuditTrail {

    static final String ADMIN = "PROPERTY_ADMIN";

    private final AuditStore store;

    public AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** What an entry needs to be kept and paged: an id the cursor can carry, a property and a time. */
    public static boolean keepable(AuditRecorded entry) {
        return entry.entryId() != null && entry.entryId().matches("[A-Za-z0-9._-]{1,64}")
                && entry.propertyId() != null && !entry.propertyId().isBlank() && entry.occurredAt() != null;
    }

    public void recorded(List<AuditRecorded> entries) {
        if (entries.isEmpty()) {
            return;
        }
        store.keep(entries.stream().map(entry -> new StoredEntry(entry.entryId(), entry.propertyId(),
                AuditCursor.pageKey(entry.occurredAt(), entry.entryId()), entry.occurredAt(),
                entry.actor() == null ? null : pair("id", entry.actor().id(), "name", entry.actor().name()),
                entry.action() == null ? null : entry.action().name(),
                entry.target() == null ? null : pair("type", entry.target().type(), "id", entry.target().id()),
                entry.requestId(), new LinkedHashMap<String, Object>(AuditMask.details(entry.details())))).toList());
    }

    private static Map<String, Object> pair(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put(key1, value1);
        pair.put(key2, value2);
        return pair;
    }

    /** One page of entries, newest first. */
    public record Page(List<AuditEntry> items, String next) {
    }

    public record AuditEntry(String entryId, Instant at, Map<String, Object> actor, String action,
            Map<String, Object> target, String requestId, Map<String, Object> details) {
    }

    /** 403 for anyone but a PROPERTY_ADMIN, then 404 for a property outside the token, then 400 for bad paging. */
    public Page of(Caller caller, String propertyId, Integer size, String before) {
        if (!caller.roles().contains(ADMIN)) {
            throw ApiProblem.forbidden("Only a property administrator may read the audit trail.");
        }
        caller.requireProperty(propertyId, "Property");
        int limit = AuditCursor.size(size);
        String cursor = AuditCursor.decode(before);
        List<StoredEntry> found = store.page(propertyId, cursor, limit + 1);
        List<StoredEntry> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? AuditCursor.encode(page.get(page.size() - 1).pageKey()) : null;
        return new Page(page.stream().map(e -> new AuditEntry(e.entryId(), e.at(), e.actor(), e.action(), e.target(),
                e.requestId(), e.details())).toList(), next);
    }
}
