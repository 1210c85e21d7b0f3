package com.propty.events;

/** What an {@link AuditRecorded} entry says a user did. */
public enum AuditAction {
    NOTICE_SENT, NOTICE_SCHEDULED, NOTICE_CANCELLED, RESEND_REQUESTED, RESIDENT_CREATED, RESIDENT_UPDATED,
    RESIDENT_ARCHIVED, RESIDENTS_IMPORTED
}
