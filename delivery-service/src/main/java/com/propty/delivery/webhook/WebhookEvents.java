package com.propty.delivery.webhook;

import com.propty.delivery.dispatch.Send;
import com.propty.delivery.sms.SmsErrors;
import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import java.util.Map;
import java.util.Optional;

/** What a provider event means for a target's status (CONTRACT §3, provider webhooks). Pure rules. */
public final class WebhookEvents {

    /** A status change, keyed by what makes the provider event unique (for "already applied"). */
    public record Change(String eventKey, DeliveryResult result) {
    }

    /** A resident opting out of a channel at the provider, keyed like a {@link Change}. */
    public record OptOut(String eventKey, ContactOptedOut event) {
    }

    private WebhookEvents() {
    }

    /**
     * delivered → DELIVERED; bounce → FAILED BOUNCED (BLOCKED when its type is {@code blocked}); dropped →
     * FAILED DROPPED. Everything else (processed, deferred, opens, clicks, unsubscribes, spam reports)
     * changes no status.
     */
    public static Optional<Change> fromSendGrid(SendGridEvent e) {
        if (e.event() == null || !e.correlated()) {
            return Optional.empty();
        }
        Send send = new Send(e.attemptId(), e.propertyId(), e.noticeId(), e.recipientId(), Channel.EMAIL, Integer.parseInt(e.attempt()),
                e.email());
        String provider = "sendgrid";
        DeliveryResult result = switch (e.event()) {
            case "delivered" -> send.result(DeliveryStatus.DELIVERED, null, null, null, provider, e.messageId());
            case "bounce" -> send.result(DeliveryStatus.FAILED,
                    "blocked".equals(e.type()) ? ErrorCode.BLOCKED : ErrorCode.BOUNCED, e.status(), e.reason(), provider,
                    e.messageId());
            case "dropped" -> send.result(DeliveryStatus.FAILED, ErrorCode.DROPPED, null, e.reason(), provider, e.messageId());
            default -> null;
        };
        if (result == null) {
            return Optional.empty();
        }
        String key = "sendgrid:" + (e.sgEventId() != null ? e.sgEventId() : e.sgMessageId() + ":" + e.event());
        return Optional.of(new Change(key, result));
    }

    /** Whether a SendGrid event is the resident opting out of email. */
    public static boolean isEmailOptOut(SendGridEvent e) {
        return "unsubscribe".equals(e.event()) || "group_unsubscribe".equals(e.event()) || "spamreport".equals(e.event());
    }

    /**
     * unsubscribe, group_unsubscribe, spamreport → the resident is opted out of EMAIL. A separate event rather than
     * a status: the mail itself was delivered, and stays so. Needs our custom_args to know which resident it is.
     */
    public static Optional<OptOut> optOutFromSendGrid(SendGridEvent e) {
        if (!isEmailOptOut(e) || e.noticeId() == null || e.recipientId() == null || !"EMAIL".equals(e.channel())) {
            return Optional.empty();
        }
        String key = "sendgrid:" + (e.sgEventId() != null ? e.sgEventId() : e.sgMessageId() + ":" + e.event());
        return Optional.of(new OptOut(key, ContactOptedOut.of(e.propertyId(), e.noticeId(), e.recipientId(), Channel.EMAIL, e.event(),
                "sendgrid")));
    }

    /**
     * delivered → DELIVERED; undelivered or failed → FAILED with Twilio's ErrorCode; sent, queued and the
     * rest change nothing. {@code query} holds the ids the platform put in the StatusCallback URL.
     */
    public static Optional<Change> fromTwilio(Map<String, String> query, Map<String, String> form) {
        String status = form.get("MessageStatus");
        String sid = form.get("MessageSid");
        String noticeId = query.get("n");
        String recipientId = query.get("r");
        String attempt = query.get("a");
        String attemptId = query.get("id");
        String propertyId = query.get("p"); // absent in the callbacks of SMS sent before it was put there
        if (status == null || sid == null || noticeId == null || recipientId == null || attemptId == null
                || attempt == null || !attempt.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        Send send = new Send(attemptId, propertyId, noticeId, recipientId, Channel.SMS, Integer.parseInt(attempt), form.get("To"));
        String errorCode = form.get("ErrorCode");
        DeliveryResult result = switch (status) {
            case "delivered" -> send.result(DeliveryStatus.DELIVERED, null, null, null, "twilio", sid);
            case "undelivered", "failed" -> send.result(DeliveryStatus.FAILED, SmsErrors.forCallback(errorCode),
                    errorCode, "Twilio reported the message " + status, "twilio", sid);
            default -> null;
        };
        return result == null ? Optional.empty() : Optional.of(new Change("twilio:" + sid + ":" + status, result));
    }
}
