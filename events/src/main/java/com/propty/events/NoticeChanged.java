package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A hint that something a notice page shows has changed, for every notice-service instance's open live streams: the
 * instance that changed it (the owner of the notice's partition, or the one that sent it) publishes one, and each
 * instance, itself included, turns it into the {@code notice}, {@code recipient}, {@code refresh} or {@code resend}
 * events of the streams it holds. It carries ids only: a receiver reads what it shows from the store, and only for a
 * notice someone watches on it.
 *
 * <ul>
 * <li>{@link Kind#NOTICE}: the notice's status, stats or {@code resendable} changed.</li>
 * <li>{@link Kind#RECIPIENTS}: these recipients' rows changed, at most {@link #MAX_RECIPIENT_IDS}; when more did,
 * {@code refresh} is true and {@code recipientIds} empty: the page refetches its table.</li>
 * <li>{@link Kind#RESEND}: a resend of the notice ({@code resendId}) was claimed or got results.</li>
 * </ul>
 * A best-effort hint (README "Live updates with N instances"): one may be lost, and a page refetches everything when
 * it reconnects. Key: {@link Topics#noticeKey}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeChanged(String eventId, String type, int version, Instant occurredAt, String noticeId, Kind kind,
        List<String> recipientIds, boolean refresh, String resendId) implements Event {

    public static final String TYPE = "NoticeChanged";

    /** The most recipient ids one event lists (the schema's bound); a larger change is sent as a refresh. */
    public static final int MAX_RECIPIENT_IDS = 500;

    public enum Kind {
        NOTICE, RECIPIENTS, RESEND
    }

    public static NoticeChanged notice(String noticeId) {
        return of(noticeId, Kind.NOTICE, List.of(), false, null);
    }

    /** The rows that changed, or a refresh when they are more than {@code maxIds} (at most {@link #MAX_RECIPIENT_IDS}). */
    public static NoticeChanged recipients(String noticeId, Collection<String> recipientIds, int maxIds) {
        boolean refresh = recipientIds.size() > Math.min(maxIds, MAX_RECIPIENT_IDS);
        return of(noticeId, Kind.RECIPIENTS, refresh ? List.of() : List.copyOf(recipientIds), refresh, null);
    }

    public static NoticeChanged resend(String noticeId, String resendId) {
        return of(noticeId, Kind.RESEND, List.of(), false, resendId);
    }

    private static NoticeChanged of(String noticeId, Kind kind, List<String> recipientIds, boolean refresh,
            String resendId) {
        return new NoticeChanged(UUID.randomUUID().toString(), TYPE, 1, Instant.now(), noticeId, kind, recipientIds,
                refresh, resendId);
    }

    /**
     * Whether a receiver can act on it: a notice and a kind, the rows or a refresh for {@code RECIPIENTS} (within the
     * bound), a resend id for {@code RESEND}. Anything else is a poison record.
     */
    public boolean complete() {
        if (noticeId == null || noticeId.isBlank() || kind == null) {
            return false;
        }
        return switch (kind) {
            case NOTICE -> true;
            case RECIPIENTS -> refresh || recipientIds != null && !recipientIds.isEmpty()
                    && recipientIds.size() <= MAX_RECIPIENT_IDS && recipientIds.stream().allMatch(id -> id != null);
            case RESEND -> resendId != null && !resendId.isBlank();
        };
    }
}
