package com.propty.notice.notice;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.kit.AuditOutbox;
import com.propty.kit.Caller;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The audit trail of notices: sending, scheduling, cancelling, marking urgent (with the reason) and
 * removing the urgency are one entry each, written to the outbox (service-kit
 * {@link AuditOutbox}) right after the use case's own write and relayed to {@code audit-events}.
 */
@Component
class NoticeAudit {

    private final AuditOutbox outbox;

    NoticeAudit(AuditOutbox outbox) {
        this.outbox = outbox;
    }

    void noticeSent(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_SENT, Map.of("channels",
                notice.channels().stream().map(Enum::name).collect(Collectors.joining(","))));
    }

    void noticeScheduled(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_SCHEDULED, Map.of("sendAt", String.valueOf(notice.scheduledAt())));
    }

    void noticeCancelled(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_CANCELLED, Map.of());
    }

    void markedUrgent(Caller caller, Notice notice) {
        record(caller, notice, AuditAction.NOTICE_MARKED_URGENT, Map.of("reason", notice.urgent().reason()));
    }

    void urgencyRemoved(Caller caller, Notice notice, Notice.Urgent was) {
        record(caller, notice, AuditAction.NOTICE_URGENCY_REMOVED, Map.of("reason", was.reason()));
    }

    private void record(Caller caller, Notice notice, AuditAction action, Map<String, String> details) {
        outbox.record(caller, notice.propertyId(), action, new AuditTarget("notice", notice.id()), details);
    }
}
