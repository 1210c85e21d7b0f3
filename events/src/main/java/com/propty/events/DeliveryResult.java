package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * One status change of one target (CONTRACT §4). {@code attemptId} is the dispatch id for attempt 1
 * and the resend id for later attempts. Key: {@link Topics#noticeKey}.
 *
 * <p>{@code eventId} is deterministic (a name-based UUID of notice, recipient, channel, attempt and status): a result
 * published again after a crash, a replayed webhook or an in-doubt sweep carries the id of the first publication, so
 * any consumer can deduplicate by id. {@code propertyId}: the tenant, carried from the chunk that asked for the send
 * (null only in results of sends made before it existed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryResult(String eventId, String type, int version, Instant occurredAt,
        String propertyId, String noticeId, String recipientId, Channel channel, int attempt, String attemptId,
        DeliveryStatus status, ErrorCode errorCode, String providerCode, String errorMessage,
        String provider, String providerMessageId, String address) implements Event {

    public static final String TYPE = "DeliveryResult";

    public static DeliveryResult of(String propertyId, String noticeId, String recipientId, Channel channel, int attempt,
            String attemptId, DeliveryStatus status, ErrorCode errorCode, String providerCode,
            String errorMessage, String provider, String providerMessageId, String address) {
        return new DeliveryResult(eventId(noticeId, recipientId, channel, attempt, status), TYPE, 1, Instant.now(),
                propertyId, noticeId, recipientId, channel, attempt, attemptId, status, errorCode, providerCode, errorMessage,
                provider, providerMessageId, address);
    }

    /** The one id of a status change of one target in one attempt, however often it is published. */
    public static String eventId(String noticeId, String recipientId, Channel channel, int attempt,
            DeliveryStatus status) {
        String name = TYPE + "\u0000" + noticeId + "\u0000" + recipientId + "\u0000" + channel + "\u0000" + attempt
                + "\u0000" + status;
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public long rank() {
        return StatusRank.of(attempt, status);
    }

    /**
     * Whether this is a result of a resend (CONTRACT §4: attempt 1 is the dispatch, every later attempt a resend,
     * whose id is then {@code attemptId}): the one rule every consumer asks.
     */
    @JsonIgnore
    public boolean isOfResend() {
        return attempt > 1 && attemptId != null;
    }
}
