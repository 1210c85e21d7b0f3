package com.propty.resend.request;

import com.propty.events.Requester;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import com.propty.events.Target;
import com.propty.resend.policy.ScopeCounts;
import java.time.Instant;
import java.util.List;

/**
 * What was resent, by whom and when: the service's own record of each accepted resend ({@link ResendRecords}).
 * {@code fallback}: whether the manager asked for the other channel where one could not succeed.
 */
public record ResendRecord(String resendId, String noticeId, String propertyId, Requester requestedBy,
        Instant requestedAt, ResendScope scope, ResendType type, int recipients, int emails, int sms,
        boolean fallback, ScopeCounts.Skipped skipped, List<Target> targets) {
}
