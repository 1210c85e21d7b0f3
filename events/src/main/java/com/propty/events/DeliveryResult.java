package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * One status change of one target (CONTRACT §4). {@code attemptId} is the dispatch id for attempt 1
 * and the resend id for later attempts. Key: {@link Topics#resultKey}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryResult(String eventId, String type, int version, Instant occurredAt,
        String noticeId, String recipientId, Channel channel, int attempt, String attemptId,
        DeliveryStatus status, ErrorCode errorCode, String providerCode, String errorMessage,
        String provider, String providerMessageId, String address) implements Event {

    public static final String TYPE = "DeliveryResult";

    public static DeliveryResult of(String noticeId, String recipientId, Channel channel, int attempt,
            String attemptId, DeliveryStatus status, ErrorCode errorCode, String providerCode,
            String errorMessage, String provider, String providerMessageId, String address) {
        return new DeliveryResult(UUID.randomUUID().toString(), TYPE, 1, Instant.now(), noticeId, recipientId,
                channel, attempt, attemptId, status, errorCode, providerCode, errorMessage, provider,
                providerMessageId, address);
    }

    public long rank() {
        return StatusRank.of(attempt, status);
    }
}
