package com.propty.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One event of a SendGrid event webhook, with the custom_args the platform put on its personalization
 * ({@code property_id} is absent in events of mail sent before it was put there).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendGridEvent(String event, String email, String type, String reason, String status,
        @JsonProperty("sg_event_id") String sgEventId, @JsonProperty("sg_message_id") String sgMessageId,
        @JsonProperty("notice_id") String noticeId, @JsonProperty("recipient_id") String recipientId,
        String channel, String attempt, @JsonProperty("attempt_id") String attemptId,
        @JsonProperty("property_id") String propertyId) {

    boolean correlated() {
        return noticeId != null && recipientId != null && attemptId != null && attempt != null
                && "EMAIL".equals(channel) && attempt.matches("\\d{1,6}");
    }

    /** SendGrid's X-Message-Id is the part of sg_message_id before the first dot. */
    String messageId() {
        if (sgMessageId == null) {
            return null;
        }
        int dot = sgMessageId.indexOf('.');
        return dot < 0 ? sgMessageId : sgMessageId.substring(0, dot);
    }
}
