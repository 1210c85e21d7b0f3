package com.propty.resend.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.QuietHours;
import com.propty.resend.policy.DeliveryState;
import com.propty.resend.policy.Recipient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * notice-service's {@code /internal/notices/{id}/delivery-states} answer (cross-service agreement). {@code version}
 * tags what it was made of (null: keep nothing); {@code complete} false means the answer left out the recipients with
 * a FAILED or SKIPPED channel because the request's {@code knownVersion} is still current. {@code quietHours}: the SMS
 * quiet hours a resend must respect (the property's, none when the notice is {@code urgent} or they are off).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeDeliveryStates(String noticeId, String propertyId, String status, List<Channel> channels,
        Content content, String version, Boolean complete, List<RecipientStates> recipients, boolean urgent,
        QuietHours quietHours) {

    public NoticeDeliveryStates {
        channels = channels == null ? List.of() : List.copyOf(channels);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Whether the answer holds every recipient a resend could target (an answer without the field does). */
    public boolean holdsFailures() {
        return complete == null || complete;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecipientStates(String recipientId, String name, String email, String phone, boolean archived,
            Set<Channel> optedOut, Map<Channel, ChannelStates> channels) {

        public Recipient toRecipient() {
            Map<Channel, DeliveryState> states = new EnumMap<>(Channel.class);
            if (channels != null) {
                channels.forEach((channel, s) -> {
                    if (s != null && s.status() != null) {
                        states.put(channel, new DeliveryState(s.status(), Math.max(1, s.attempt()), s.address(),
                                s.errorCode()));
                    }
                });
            }
            return new Recipient(recipientId, email, phone, optedOut, archived, states);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChannelStates(DeliveryStatus status, int attempt, String address, ErrorCode errorCode) {
    }
}
