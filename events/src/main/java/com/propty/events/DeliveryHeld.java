package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends delivery-service holds on purpose until {@code until} (reason {@code QUIET_HOURS}: an SMS due inside the
 * property's quiet hours, README "Never at night"), kept in its durable retry store like an outage's. Like a
 * {@link DeliveryDeferred} it counts as the channel's first answer (the notice leaves SENDING), changes no status and
 * is harmless twice, late or after the result; unlike one it never gives up. Its own event on its own topic
 * ({@link Topics#DELIVERY_HOLDS}) because {@code DeliveryDeferred} version 1 promises {@code PROVIDER_UNAVAILABLE}.
 *
 * <p>One event per notice, channel and at most {@link Topics#CHUNK_SIZE} targets. Key: the notice id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryHeld(String eventId, String type, int version, Instant occurredAt, String propertyId,
        String noticeId, Channel channel, String reason, Instant until, List<DeliveryDeferred.DeferredTarget> targets)
        implements Event {

    public static final String TYPE = "DeliveryHeld";
    public static final String QUIET_HOURS = "QUIET_HOURS";

    public static DeliveryHeld quietHours(String propertyId, String noticeId, Channel channel, Instant until,
            List<DeliveryDeferred.DeferredTarget> targets) {
        return new DeliveryHeld(UUID.randomUUID().toString(), TYPE, 1, Instant.now(), propertyId, noticeId, channel,
                QUIET_HOURS, until, List.copyOf(targets));
    }
}
