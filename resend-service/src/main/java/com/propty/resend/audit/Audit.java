package com.propty.resend.audit;

import com.propty.events.AuditAction;
import com.propty.events.AuditRecorded.AuditTarget;
import com.propty.events.ChannelTotals;
import com.propty.events.ResendScope;
import com.propty.kit.AuditOutbox;
import com.propty.kit.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * resend-service's audit trail: an accepted resend is one entry (scope, type, counts), written to the outbox
 * (service-kit {@link AuditOutbox}) right after the resend is remembered, and relayed to {@code audit-events}.
 */
@Component
public class Audit {

    private final AuditOutbox outbox;

    public Audit(AuditOutbox outbox) {
        this.outbox = outbox;
    }

    public void resendRequested(Caller caller, String propertyId, String noticeId, String resendId, ResendScope scope,
            int recipients, ChannelTotals totals) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("noticeId", noticeId);
        details.put("scope", scope.name());
        details.put("type", scope.type().name());
        details.put("recipients", String.valueOf(recipients));
        details.put("emails", String.valueOf(totals.email()));
        details.put("sms", String.valueOf(totals.sms()));
        if (totals.fallback() > 0) {
            details.put("fallbackEmails", String.valueOf(totals.fallbackEmail()));
            details.put("fallbackSms", String.valueOf(totals.fallbackSms()));
        }
        outbox.record(caller, propertyId, AuditAction.RESEND_REQUESTED, new AuditTarget("resend", resendId), details);
    }
}
