package com.propty.events;

/**
 * Kafka topic names of the contract, and the record keys. Every event that changes a recipient's channel states
 * (results, resend claims, deferrals) and every opt-out is keyed by its notice id ({@link #noticeKey}): with the
 * same partition count on those topics, one notice's events land on the same partition number of each, so one
 * consumer of a group owns all of a notice's state changes and can keep its counters exactly (README "Maintained
 * counters"). Dispatch chunks are keyed by notice and chunk ({@link #chunkKey}), so a large send spreads.
 */
public final class Topics {
    public static final String NOTICE_DISPATCH_REQUESTED = "notice-dispatch-requested";
    public static final String RESEND_REQUESTED = "resend-requested";
    public static final String DELIVERY_RESULTS = "delivery-results";
    /** {@link ContactOptedOut} events, keyed like results ({@link #noticeKey}). */
    public static final String CONTACT_OPT_OUTS = "contact-opt-outs";
    /** {@link DeliveryDeferred} events (sends parked during a provider outage), keyed by notice id. */
    public static final String DELIVERY_DEFERRALS = "delivery-deferrals";
    /** {@link AuditRecorded} entries, keyed by property id (one property's entries stay in order). */
    public static final String AUDIT_EVENTS = "audit-events";

    /** Targets per request chunk: 500 targets of ~200 bytes plus content of at most 60 KiB stays far under 256 KiB. */
    public static final int CHUNK_SIZE = 500;

    private Topics() {
    }

    /** The key of results, resend chunks, deferrals and opt-outs: the notice id. */
    public static String noticeKey(String noticeId) {
        return noticeId;
    }

    public static String chunkKey(String noticeId, int chunkIndex) {
        return noticeId + ":" + chunkIndex;
    }
}
