package com.propty.notice.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Opt-outs end to end inside notice-service: a SendGrid unsubscribe ({@code contact-opt-outs}) or a Twilio STOP
 * (a FAILED {@code OPTED_OUT} result) marks the resident's channel opted out, without touching delivery states;
 * the next send skips that channel; a PATCH of the resident keeps it; resend-service sees it.
 */
class OptOutTest extends ServiceTestSupport {

    @Test
    void anUnsubscribeAndAStopReplyOptTheResidentOutAndTheNextSendSkipsThoseChannels() {
        String property = newProperty();
        String ann = createResident(property, "Ann", "ann@example.com", "+15145550101");
        String ben = createResident(property, "Ben", "ben@example.com", "+15145550102");
        String notice = sendNotice(property);
        NoticeDispatchRequested chunk = dispatchOf(notice);

        publishResult(DeliveryResult.of("p1", notice, ann, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.DELIVERED,
                null, null, null, "sendgrid", "m1", "ann@example.com"));
        ContactOptedOut unsubscribe = ContactOptedOut.of("p1", notice, ann, Channel.EMAIL, "unsubscribe", "sendgrid");
        // twice: at-least-once delivery changes nothing
        publish(Topics.CONTACT_OPT_OUTS, Topics.noticeKey(notice), JSON.writeValueAsString(unsubscribe));
        publish(Topics.CONTACT_OPT_OUTS, Topics.noticeKey(notice), JSON.writeValueAsString(unsubscribe));
        publishResult(DeliveryResult.of("p1", notice, ben, Channel.SMS, 1, chunk.dispatchId(), DeliveryStatus.FAILED,
                ErrorCode.OPTED_OUT, "21610", "Twilio reported the message undelivered", "twilio", "SM1", "+15145550102"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(optedOut(property, ann)).containsExactly("EMAIL");
            assertThat(optedOut(property, ben)).containsExactly("SMS");
        });
        // the mail was delivered and stays delivered: an unsubscribe is no delivery status
        JsonNode annRow = row(notice, property, ann);
        assertThat(annRow.get("channels").get("EMAIL").get("status").stringValue()).isEqualTo("DELIVERED");
        JsonNode benRow = row(notice, property, ben);
        assertThat(benRow.get("channels").get("SMS").get("status").stringValue()).isEqualTo("FAILED");
        assertThat(benRow.get("channels").get("SMS").get("lastError").get("code").stringValue()).isEqualTo("OPTED_OUT");

        // resend-service reads the opt-outs from here
        JsonNode states = callWithToken("POST", "/internal/notices/" + notice + "/delivery-states",
                Map.of("recipientIds", List.of(ann, ben)), com.propty.testsupport.InternalTokens.forService("resend-service"),
                "Content-Type", "application/json").body();
        Map<String, JsonNode> byRecipient = new java.util.HashMap<>();
        states.get("recipients").forEach(r -> byRecipient.put(r.get("recipientId").stringValue(), r));
        assertThat(texts(byRecipient.get(ann).get("optedOut"))).containsExactly("EMAIL");
        assertThat(texts(byRecipient.get(ben).get("optedOut"))).containsExactly("SMS");

        // a new notice: the opted-out channels are never targeted, and show SKIPPED OPTED_OUT at once
        String next = sendNotice(property);
        assertThat(dispatchOf(next).targets()).extracting(Target::recipientId, Target::channel)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ann, Channel.SMS),
                        org.assertj.core.groups.Tuple.tuple(ben, Channel.EMAIL));
        JsonNode annNext = row(next, property, ann).get("channels").get("EMAIL");
        assertThat(annNext.get("status").stringValue()).isEqualTo("SKIPPED");
        assertThat(annNext.get("lastError").get("code").stringValue()).isEqualTo("OPTED_OUT");
        JsonNode benNext = row(next, property, ben).get("channels").get("SMS");
        assertThat(benNext.get("status").stringValue()).isEqualTo("SKIPPED");
        assertThat(benNext.get("lastError").get("code").stringValue()).isEqualTo("OPTED_OUT");
    }

    @Test
    void patchingAResidentKeepsTheirOptOutsAndOptOutsCannotBePatched() {
        String property = newProperty();
        String cleo = createResident(property, "Cleo", "cleo@example.com", "+15145550103");
        String notice = sendNotice(property);
        publish(Topics.CONTACT_OPT_OUTS, Topics.noticeKey(notice),
                JSON.writeValueAsString(ContactOptedOut.of("p1", notice, cleo, Channel.EMAIL, "spamreport", "sendgrid")));
        await().atMost(Duration.ofSeconds(30)).until(() -> optedOut(property, cleo).contains("EMAIL"));

        Response patched = call("PATCH", "/api/residents/" + cleo,
                Map.of("email", "cleo.new@example.com", "phone", "+15145550199"), property);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("email").stringValue()).isEqualTo("cleo.new@example.com");
        assertThat(texts(patched.body().get("optedOut"))).as("a new address is no opt-in").containsExactly("EMAIL");

        Response optIn = call("PATCH", "/api/residents/" + cleo, "{\"optedOut\":[]}", property);
        assertThat(optIn.status()).isEqualTo(400);
        assertThat(optIn.body().get("code").stringValue()).isEqualTo("VALIDATION_FAILED");
        assertThat(optIn.raw()).contains("optedOut");
        assertThat(optedOut(property, cleo)).containsExactly("EMAIL");
    }

    @Test
    void anUnreadableOptOutGoesToTheDeadLetterTopicAndTheNextOnesStillApply() {
        String property = newProperty();
        String dan = createResident(property, "Dan", "dan@example.com", null);
        String poison = "{\"recipientId\":\"" + dan + "\", not json";
        publish(Topics.CONTACT_OPT_OUTS, Topics.noticeKey("n-x"), poison);
        publish(Topics.CONTACT_OPT_OUTS, Topics.noticeKey("n-x"),
                JSON.writeValueAsString(ContactOptedOut.of("p1", "n-x", dan, Channel.EMAIL, "group_unsubscribe", "sendgrid")));

        await().atMost(Duration.ofSeconds(30)).until(() -> optedOut(property, dan).contains("EMAIL"));
        List<ConsumerRecord<String, String>> dead = read("contact-opt-outs.notice-service.dlq",
                r -> poison.equals(r.value()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }

    private String sendNotice(String property) {
        String notice = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Lift repair", "body", "The lift is off on Friday.", "channels", List.of("EMAIL", "SMS")),
                property).body().get("id").stringValue();
        assertThat(call("POST", "/api/notices/" + notice + "/send", null, property).status()).isEqualTo(202);
        return notice;
    }

    private static NoticeDispatchRequested dispatchOf(String notice) {
        List<ConsumerRecord<String, String>> chunks = read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(notice + ":"), 1, Duration.ofSeconds(30));
        assertThat(chunks).hasSize(1);
        return JSON.readValue(chunks.get(0).value(), NoticeDispatchRequested.class);
    }

    private List<String> optedOut(String property, String resident) {
        Response response = call("GET", "/api/residents/" + resident, null, property);
        return texts(response.body() == null ? null : response.body().get("optedOut"));
    }

    private JsonNode row(String notice, String property, String recipient) {
        JsonNode page = call("GET", "/api/notices/" + notice + "/recipients?size=200", null, property).body();
        for (JsonNode item : page.get("items")) {
            if (item.get("recipientId").stringValue().equals(recipient)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + recipient + " in " + page);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.stringValue()));
        }
        return values;
    }

    private void publishResult(DeliveryResult result) {
        publish(Topics.DELIVERY_RESULTS, Topics.noticeKey(result.noticeId()),
                JSON.writeValueAsString(result));
    }
}
