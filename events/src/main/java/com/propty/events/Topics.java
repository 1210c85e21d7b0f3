package com.propty.events;

import java.util.Map;

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
    /** {@link DeliveryHeld} events (sends held on purpose: an SMS inside quiet hours), keyed by notice id. */
    public static final String DELIVERY_HOLDS = "delivery-holds";
    /** {@link AuditRecorded} entries, keyed by property id (one property's entries stay in order). */
    public static final String AUDIT_EVENTS = "audit-events";
    /**
     * {@link NoticeChanged} hints for the live streams of every notice-service instance, keyed by notice id. Read by
     * each instance in its own anonymous group from the latest offset, so nothing reads old records: they are kept
     * {@link #NOTICE_CHANGES_RETENTION_MS} only (README "Live updates with N instances").
     */
    public static final String NOTICE_CHANGES = "notice-changes";
    /** One hour: more than any consumer lag a live page would still care about; the page refetches on reconnect. */
    public static final long NOTICE_CHANGES_RETENTION_MS = 3_600_000L;

    /**
     * Partitions of every topic: fixed when a topic is created (changing it later breaks key order and any
     * per-partition watermark), so chosen with headroom for up to 12 consumers of a group. Results, resend claims and
     * deferrals and holds must have the same count (notice-service reads them co-partitioned by notice id).
     */
    public static final int PARTITION_COUNT = 12;

    /** The topic catalogue: every topic of the contract and its partition count (README "Topics and partitions"). */
    public static final Map<String, Integer> PARTITIONS = Map.of(
            NOTICE_DISPATCH_REQUESTED, PARTITION_COUNT,
            RESEND_REQUESTED, PARTITION_COUNT,
            DELIVERY_RESULTS, PARTITION_COUNT,
            CONTACT_OPT_OUTS, PARTITION_COUNT,
            DELIVERY_DEFERRALS, PARTITION_COUNT,
            DELIVERY_HOLDS, PARTITION_COUNT,
            AUDIT_EVENTS, PARTITION_COUNT,
            NOTICE_CHANGES, PARTITION_COUNT);

    /** Targets per request chunk: 500 targets of ~200 bytes plus content of at most 60 KiB stays far under 256 KiB. */
    public static final int CHUNK_SIZE = 500;

    private Topics() {
    }

    /** The key of results, resend chunks, deferrals, opt-outs and notice changes: the notice id. */
    public static String noticeKey(String noticeId) {
        return noticeId;
    }

    public static String chunkKey(String noticeId, int chunkIndex) {
        return noticeId + ":" + chunkIndex;
    }
}
