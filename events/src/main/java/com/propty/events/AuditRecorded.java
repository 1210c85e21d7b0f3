package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a property's audit trail: who ({@code actor}) did what ({@code action} on {@code target}), when
 * ({@code occurredAt}), from which request ({@code requestId}, the gateway's {@code X-Request-Id}). {@code entryId}
 * is the {@code eventId}: the producer's outbox and the consumer both key the entry by it, so publishing it again
 * changes nothing. {@code details} is a small string map (changed field names, scope and counts, import counts);
 * it never holds a full address (service-kit {@code Redact.address}). Key: the property id ({@link Topics#AUDIT_EVENTS}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditRecorded(String eventId, String type, int version, Instant occurredAt, String entryId,
        String propertyId, Requester actor, AuditAction action, AuditTarget target, String requestId,
        Map<String, String> details) implements Event {

    public static final String TYPE = "AuditRecorded";

    /** What the action was done to: {@code type} {@code notice}, {@code resident}, {@code resend} or {@code import}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditTarget(String type, String id) {
    }

    public static AuditRecorded of(String propertyId, Requester actor, AuditAction action, AuditTarget target,
            String requestId, Map<String, String> details, Instant at) {
        String id = UUID.randomUUID().toString();
        return new AuditRecorded(id, TYPE, 1, at, id, propertyId, actor, action, target, requestId,
                Map.copyOf(details));
    }
}
