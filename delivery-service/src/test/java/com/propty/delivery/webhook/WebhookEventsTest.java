package com.propty.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    private static SendGridEvent event(String event, String type) {
        return new SendGridEvent(event, "ann@example.com", type, "550 no such user", "5.1.1", "ev-1",
                "msg-1.filter0001.1", "notice-1", "res-1", "EMAIL", "2", "resend-1");
    }

    @Test
    void deliveredEmailIsDeliveredOnTheAttemptOfItsCustomArgs() {
        DeliveryResult result = WebhookEvents.fromSendGrid(event("delivered", null)).orElseThrow().result();

        assertThat(result.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(result.channel()).isEqualTo(Channel.EMAIL);
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.attemptId()).isEqualTo("resend-1");
        assertThat(result.address()).isEqualTo("ann@example.com");
        assertThat(result.providerMessageId()).isEqualTo("msg-1");
    }

    @Test
    void bouncesAndDropsFailWithTheirReason() {
        assertThat(WebhookEvents.fromSendGrid(event("bounce", "bounce")).orElseThrow().result().errorCode())
                .isEqualTo(ErrorCode.BOUNCED);
        assertThat(WebhookEvents.fromSendGrid(event("bounce", "blocked")).orElseThrow().result().errorCode())
                .isEqualTo(ErrorCode.BLOCKED);
        DeliveryResult dropped = WebhookEvents.fromSendGrid(event("dropped", null)).orElseThrow().result();
        assertThat(dropped.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(dropped.errorCode()).isEqualTo(ErrorCode.DROPPED);
    }

    @Test
    void engagementProcessingAndOptOutEventsChangeNoStatus() {
        for (String name : new String[] {"processed", "deferred", "open", "click", "unsubscribe", "group_unsubscribe",
                "spamreport"}) {
            assertThat(WebhookEvents.fromSendGrid(event(name, null))).as(name).isEmpty();
        }
        assertThat(WebhookEvents.isEmailOptOut(event("spamreport", null))).isTrue();
        assertThat(WebhookEvents.isEmailOptOut(event("open", null))).isFalse();
    }

    @Test
    void anEventWithoutOurCustomArgsIsIgnored() {
        SendGridEvent foreign = new SendGridEvent("delivered", "x@example.com", null, null, null, "ev-2", "m", null, null,
                null, null, null);
        assertThat(WebhookEvents.fromSendGrid(foreign)).isEmpty();
    }

    @Test
    void twilioCallbacksMapByStatusAndErrorCode() {
        Map<String, String> query = Map.of("n", "notice-1", "r", "res-1", "a", "1", "id", "dispatch-1");

        var delivered = WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "delivered",
                "To", "+15145550123")).orElseThrow();
        assertThat(delivered.result().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.result().address()).isEqualTo("+15145550123");
        assertThat(delivered.eventKey()).isEqualTo("twilio:SM1:delivered");

        var stop = WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "undelivered",
                "ErrorCode", "21610")).orElseThrow().result();
        assertThat(stop.errorCode()).isEqualTo(ErrorCode.OPTED_OUT);
        assertThat(stop.providerCode()).isEqualTo("21610");
        assertThat(WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "failed",
                "ErrorCode", "30007")).orElseThrow().result().errorCode()).isEqualTo(ErrorCode.BLOCKED);

        assertThat(WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "sent"))).isEmpty();
        assertThat(WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "queued"))).isEmpty();
        assertThat(WebhookEvents.fromTwilio(Map.of(), Map.of("MessageSid", "SM1", "MessageStatus", "delivered")))
                .as("no ids of ours in the callback URL").isEmpty();
    }
}
