package com.propty.notice.notice;

/** DRAFT → (SCHEDULED →) SENDING → SENT | PARTIALLY_FAILED (CONTRACT §2). */
public enum NoticeStatus {
    DRAFT, SCHEDULED, SENDING, SENT, PARTIALLY_FAILED;

    /** Whether delivery results decide this status (the notice has been sent). */
    public boolean isSent() {
        return this == SENDING || this == SENT || this == PARTIALLY_FAILED;
    }
}
