package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident asked a provider to stop sending on one channel (CONTRACT §3 "Provider webhooks"): a SendGrid
 * {@code unsubscribe}, {@code group_unsubscribe} or {@code spamreport} event. It is a separate event, not a
 * {@link DeliveryResult}, because it must not change the delivery status — a delivered mail stays delivered.
 * (An SMS STOP reply, Twilio 21610, already arrives as a FAILED {@code OPTED_OUT} result.)
 * {@code reason} is the provider's event name; {@code propertyId} the tenant (null only for a mail sent before the
 * platform put it in the provider's custom arguments). Key: {@link Topics#noticeKey}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactOptedOut(String eventId, String type, int version, Instant occurredAt, String propertyId,
        String noticeId, String recipientId, Channel channel, String reason, String provider) implements Event {

    public static final String TYPE = "ContactOptedOut";

    public static ContactOptedOut of(String propertyId, String noticeId, String recipientId, Channel channel, String reason,
            String provider) {
        return new ContactOptedOut(UUID.randomUUID().toString(), TYPE, 1, Instant.now(), propertyId, noticeId,
                recipientId,
                channel, reason, provider);
    }
}
