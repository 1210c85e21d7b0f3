package com.propty.resend.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.resend.policy.DeliveryState;
import com.propty.resend.policy.Recipient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** notice-service's {@code GET /internal/notices/{id}/delivery-states} answer (cross-service agreement). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeDeliveryStates(String noticeId, String propertyId, String status, List<Channel> channels,
        Content content, List<RecipientStates> recipients) {

    public NoticeDeliveryStates {
        channels = channels == null ? List.of() : List.copyOf(channels);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecipientStates(String recipientId, String name, String email, String phone, boolean archived,
            Set<Channel> optedOut, Map<Channel, ChannelStates> channels) {

        public Recipient toRecipient() {
            Map<Channel, DeliveryState> states = new EnumMap<>(Channel.class);
            if (channels != null) {
                channels.forEach((channel, s) -> {
                    if (s != null && s.status() != null) {
                        states.put(channel, new DeliveryState(s.status(), Math.max(1, s.attempt()), s.address()));
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
