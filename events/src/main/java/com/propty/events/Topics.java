package com.propty.events;

/** Kafka topic names of the contract, and the record keys that keep each recipient's events in order. */
public final class Topics {
    public static final String NOTICE_DISPATCH_REQUESTED = "notice-dispatch-requested";
    public static final String RESEND_REQUESTED = "resend-requested";
    public static final String DELIVERY_RESULTS = "delivery-results";
    /** {@link ContactOptedOut} events, keyed like results ({@link #resultKey}). */
    public static final String CONTACT_OPT_OUTS = "contact-opt-outs";
    /** {@link DeliveryDeferred} events (sends parked during a provider outage), keyed by notice id. */
    public static final String DELIVERY_DEFERRALS = "delivery-deferrals";
    /** {@link AuditRecorded} entries, keyed by property id (one property's entries stay in order). */
    public static final String AUDIT_EVENTS = "audit-events";

    /** Targets per request chunk: 500 targets of ~200 bytes plus content of at most 60 KiB stays far under 256 KiB. */
    public static final int CHUNK_SIZE = 500;

    private Topics() {
    }

    public static String resultKey(String noticeId, String recipientId) {
        return noticeId + ":" + recipientId;
    }

    public static String chunkKey(String noticeId, int chunkIndex) {
        return noticeId + ":" + chunkIndex;
    }
}
