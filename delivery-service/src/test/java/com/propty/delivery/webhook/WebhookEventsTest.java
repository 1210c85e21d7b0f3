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
                "msg-1.filter0001.1", "notice-1", "res-1", "EMAIL", "2", "resend-1", "prop-1");
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
        assertThat(result.propertyId()).as("the tenant, from our custom args").isEqualTo("prop-1");
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
    void unsubscribesAndSpamReportsOptTheResidentOutOfEmail() {
        for (String name : new String[] {"unsubscribe", "group_unsubscribe", "spamreport"}) {
            var optOut = WebhookEvents.optOutFromSendGrid(event(name, null)).orElseThrow();
            assertThat(optOut.eventKey()).isEqualTo("sendgrid:ev-1");
            assertThat(optOut.event().noticeId()).isEqualTo("notice-1");
            assertThat(optOut.event().propertyId()).isEqualTo("prop-1");
            assertThat(optOut.event().recipientId()).isEqualTo("res-1");
            assertThat(optOut.event().channel()).isEqualTo(Channel.EMAIL);
            assertThat(optOut.event().reason()).isEqualTo(name);
            assertThat(optOut.event().provider()).isEqualTo("sendgrid");
        }
        for (String name : new String[] {"delivered", "bounce", "dropped", "processed", "deferred", "open", "click"}) {
            assertThat(WebhookEvents.optOutFromSendGrid(event(name, null))).as(name).isEmpty();
        }
    }

    @Test
    void anOptOutWithoutOurCustomArgsIsIgnored() {
        SendGridEvent foreign = new SendGridEvent("unsubscribe", "x@example.com", null, null, null, "ev-3", "m", null,
                null, null, null, null, null);
        assertThat(WebhookEvents.optOutFromSendGrid(foreign)).isEmpty();
    }

    @Test
    void twilioErrorCodesMapToTheirReasons() {
        Map<String, String> query = Map.of("n", "notice-1", "r", "res-1", "a", "3", "id", "resend-3");
        Map<String, ErrorCode> expected = Map.of("30003", ErrorCode.UNREACHABLE, "30005", ErrorCode.UNREACHABLE,
                "30006", ErrorCode.UNREACHABLE, "30007", ErrorCode.BLOCKED, "21610", ErrorCode.OPTED_OUT,
                "30008", ErrorCode.CARRIER_REJECTED);
        expected.forEach((code, reason) -> {
            for (String status : new String[] {"undelivered", "failed"}) {
                DeliveryResult result = WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM9", "MessageStatus", status,
                        "ErrorCode", code)).orElseThrow().result();
                assertThat(result.status()).as(status + " " + code).isEqualTo(DeliveryStatus.FAILED);
                assertThat(result.errorCode()).as(status + " " + code).isEqualTo(reason);
                assertThat(result.attempt()).isEqualTo(3);
                assertThat(result.attemptId()).isEqualTo("resend-3");
            }
        });
        assertThat(WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM9", "MessageStatus", "failed")).orElseThrow()
                .result().errorCode()).as("no ErrorCode").isEqualTo(ErrorCode.CARRIER_REJECTED);
    }

    @Test
    void anEventWithoutOurCustomArgsIsIgnored() {
        SendGridEvent foreign = new SendGridEvent("delivered", "x@example.com", null, null, null, "ev-2", "m", null, null,
                null, null, null, null);
        assertThat(WebhookEvents.fromSendGrid(foreign)).isEmpty();
    }

    @Test
    void twilioCallbacksMapByStatusAndErrorCode() {
        Map<String, String> query = Map.of("n", "notice-1", "r", "res-1", "a", "1", "id", "dispatch-1", "p", "prop-1");

        var delivered = WebhookEvents.fromTwilio(query, Map.of("MessageSid", "SM1", "MessageStatus", "delivered",
                "To", "+15145550123")).orElseThrow();
        assertThat(delivered.result().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.result().address()).isEqualTo("+15145550123");
        assertThat(delivered.eventKey()).isEqualTo("twilio:SM1:delivered");
        assertThat(delivered.result().propertyId()).as("the tenant, from our callback URL").isEqualTo("prop-1");

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
