package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A provider could not take these sends (an outage: 5xx, timeouts, its circuit open) and they now wait in
 * delivery-service's durable retry store. CONTRACT §2 counts such a deferral as a channel's first answer, so a
 * notice leaves SENDING; the channels stay PENDING until a {@link DeliveryResult} of their attempt arrives. It is
 * not a {@link DeliveryResult} because it changes no status (a result topic only carries SENT, DELIVERED, FAILED,
 * SKIPPED), and handling it twice, late or after the result changes nothing.
 *
 * <p>One event per notice, channel and at most {@link Topics#CHUNK_SIZE} targets, published when a batch is first
 * parked. {@code giveUpAt}: after it the sends become FAILED {@code PROVIDER_UNAVAILABLE}. {@code propertyId}: the
 * tenant (null only for batches parked before it existed). Key: the notice id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryDeferred(String eventId, String type, int version, Instant occurredAt, String propertyId,
        String noticeId, Channel channel, String provider, ErrorCode errorCode, String reason, Instant nextTryAt, Instant giveUpAt,
        List<DeferredTarget> targets) implements Event {

    public static final String TYPE = "DeliveryDeferred";

    /** A deferred send: which recipient, at which attempt of which dispatch or resend. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeferredTarget(String recipientId, int attempt, String attemptId) {
    }

    public static DeliveryDeferred of(String propertyId, String noticeId, Channel channel, String provider, String reason,
            Instant nextTryAt, Instant giveUpAt, List<DeferredTarget> targets) {
        return new DeliveryDeferred(UUID.randomUUID().toString(), TYPE, 1, Instant.now(), propertyId, noticeId, channel,
                provider, ErrorCode.PROVIDER_UNAVAILABLE, reason, nextTryAt, giveUpAt, List.copyOf(targets));
    }
}
