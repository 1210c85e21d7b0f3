package com.propty.notice.resident;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.kit.AuditOutbox;
import com.propty.kit.Caller;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The audit trail of residents: create, patch, archive and import are one entry each (never for a dry run), written to
 * the outbox (service-kit {@link AuditOutbox}) right after the use case's own write and relayed to
 * {@code audit-events}; what an entry says is {@link ResidentAuditDetails}.
 */
@Component
class ResidentAudit {

    private final AuditOutbox outbox;

    ResidentAudit(AuditOutbox outbox) {
        this.outbox = outbox;
    }

    void residentCreated(Caller caller, Resident resident) {
        record(caller, resident, AuditAction.RESIDENT_CREATED,
                ResidentAuditDetails.created(resident.email(), resident.phone()));
    }

    void residentUpdated(Caller caller, Resident before, Resident after) {
        record(caller, after, AuditAction.RESIDENT_UPDATED, ResidentAuditDetails.changed(fields(before), fields(after)));
    }

    void residentArchived(Caller caller, Resident resident) {
        record(caller, resident, AuditAction.RESIDENT_ARCHIVED, Map.of());
    }

    /** One entry per import, with its counts. */
    void residentsImported(Caller caller, String propertyId, ResidentImport.Report report, boolean archiveMissing) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rows", String.valueOf(report.rows()));
        details.put("created", String.valueOf(report.created()));
        details.put("updated", String.valueOf(report.updated()));
        details.put("unchanged", String.valueOf(report.unchanged()));
        details.put("archived", String.valueOf(report.archived()));
        details.put("rejected", String.valueOf(report.rejected().size()));
        details.put("archiveMissing", String.valueOf(archiveMissing));
        outbox.record(caller, propertyId, AuditAction.RESIDENTS_IMPORTED,
                new AuditTarget("import", UUID.randomUUID().toString()), details);
    }

    private void record(Caller caller, Resident resident, AuditAction action, Map<String, String> details) {
        outbox.record(caller, resident.propertyId(), action, new AuditTarget("resident", resident.id()), details);
    }

    private static Map<String, String> fields(Resident resident) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", resident.name());
        fields.put("email", resident.email());
        fields.put("phone", resident.phone());
        fields.put("unit", resident.unit());
        return fields;
    }
}
