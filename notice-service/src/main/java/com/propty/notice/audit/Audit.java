package com.propty.notice.audit;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.kit.AuditOutbox;
import com.propty.kit.Caller;
import com.propty.notice.notice.Notice;
import com.propty.notice.resident.Resident;
import com.propty.notice.resident.ResidentImport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * notice-service's audit trail: the use cases call one method per action, right after their own write; each is one
 * insert into the outbox (service-kit {@link AuditOutbox}), relayed to {@code audit-events}.
 */
@Component
public class Audit {

    private final AuditOutbox outbox;

    public Audit(AuditOutbox outbox) {
        this.outbox = outbox;
    }

    public void noticeSent(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_SENT, Map.of("channels",
                notice.channels().stream().map(Enum::name).collect(Collectors.joining(","))));
    }

    public void noticeScheduled(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_SCHEDULED, Map.of("sendAt", String.valueOf(notice.scheduledAt())));
    }

    public void noticeCancelled(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_CANCELLED, Map.of());
    }

    public void residentCreated(Caller caller, Resident resident) {
        record(caller, resident, AuditAction.RESIDENT_CREATED, AuditDetails.created(resident.email(), resident.phone()));
    }

    public void residentUpdated(Caller caller, Resident before, Resident after) {
        record(caller, after, AuditAction.RESIDENT_UPDATED, AuditDetails.changed(fields(before), fields(after)));
    }

    public void residentArchived(Caller caller, Resident resident) {
        record(caller, resident, AuditAction.RESIDENT_ARCHIVED, Map.of());
    }

    /** One entry per import (never for a dry run), with its counts. */
    public void residentsImported(Caller caller, String propertyId, ResidentImport.Report report,
            boolean archiveMissing) {
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

    private void record(Caller caller, Notice notice, AuditAction action, Map<String, String> details) {
        outbox.record(caller, notice.propertyId(), action, new AuditTarget("notice", notice.id()), details);
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
