package com.propty.notice.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.notice.ServiceTestSupport;
import com.propty.testsupport.InternalApiSchemas;
import com.propty.testsupport.InternalTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A notice's delivery life through the real broker, one behaviour a test, each from a partly failed notice of its
 * own: the dispatch chunk; results (duplicated and shuffled) into stats, status and the live stream; the table and
 * its CSV export; a resend, its results and a late failure; the internal API resend-service reads.
 */
class DeliveryFlowTest extends ServiceTestSupport {

    /**
     * A notice to Alice (email and SMS), Bob (email only) and Chloé (both), sent, with every first answer published
     * twice in a shuffled order, once the projection shows it PARTIALLY_FAILED: Alice's SMS carrier-rejected, Bob's
     * email bounced and his SMS skipped (no phone), everything else delivered. The live stream is open from before
     * the first result.
     */
    private record PartlyFailed(String property, String noticeId, String alice, String bob, String chloe,
            NoticeDispatchRequested chunk, List<DeliveryResult> firstAnswers, List<String> streamLines) {
    }

    private PartlyFailed partlyFailedNotice() throws Exception {
        String property = newProperty();
        String alice = createResident(property, "Alice Martin", "alice@example.com", "+15145550001");
        String bob = createResident(property, "bob Nguyen", "bob@example.com", null);
        String chloe = createResident(property, "Chloé Roy", "chloe@example.com", "+15145550003");
        Response draft = call("POST", "/api/properties/" + property + "/notices",
                Map.of("title", "Water shut-off", "body", "Water is off on Tuesday.", "channels", List.of("EMAIL", "SMS")),
                property);
        assertThat(draft.status()).isEqualTo(201);
        String noticeId = draft.body().get("id").stringValue();
        Response sent = call("POST", "/api/notices/" + noticeId + "/send", null, property);
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().get("status").stringValue()).isEqualTo("SENDING");
        List<ConsumerRecord<String, String>> chunks = read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(noticeId + ":"), 1, Duration.ofSeconds(30));
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).key()).isEqualTo(Topics.chunkKey(noticeId, 0));
        NoticeDispatchRequested chunk = JSON.readValue(chunks.get(0).value(), NoticeDispatchRequested.class);
        String dispatchId = chunk.dispatchId();
        List<String> streamLines = openStream(noticeId, property);

        List<DeliveryResult> firstAnswers = new ArrayList<>(List.of(
                result(noticeId, alice, Channel.EMAIL, 1, dispatchId, DeliveryStatus.SENT, null, "alice@example.com"),
                result(noticeId, alice, Channel.EMAIL, 1, dispatchId, DeliveryStatus.DELIVERED, null, "alice@example.com"),
                result(noticeId, alice, Channel.SMS, 1, dispatchId, DeliveryStatus.SENT, null, "+15145550001"),
                result(noticeId, alice, Channel.SMS, 1, dispatchId, DeliveryStatus.FAILED, ErrorCode.CARRIER_REJECTED,
                        "+15145550001"),
                result(noticeId, bob, Channel.EMAIL, 1, dispatchId, DeliveryStatus.SENT, null, "bob@example.com"),
                result(noticeId, bob, Channel.EMAIL, 1, dispatchId, DeliveryStatus.FAILED, ErrorCode.BOUNCED,
                        "bob@example.com"),
                result(noticeId, bob, Channel.SMS, 1, dispatchId, DeliveryStatus.SKIPPED, ErrorCode.NO_ADDRESS, null),
                result(noticeId, chloe, Channel.EMAIL, 1, dispatchId, DeliveryStatus.SENT, null, "chloe@example.com"),
                result(noticeId, chloe, Channel.EMAIL, 1, dispatchId, DeliveryStatus.DELIVERED, null,
                        "chloe@example.com"),
                result(noticeId, chloe, Channel.SMS, 1, dispatchId, DeliveryStatus.SENT, null, "+15145550003"),
                result(noticeId, chloe, Channel.SMS, 1, dispatchId, DeliveryStatus.DELIVERED, null, "+15145550003")));
        List<DeliveryResult> doubled = new ArrayList<>(firstAnswers);
        doubled.addAll(firstAnswers);
        Collections.shuffle(doubled, new Random(7));
        doubled.forEach(this::publishResult);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notice = call("GET", "/api/notices/" + noticeId, null, property).body();
            assertThat(notice.get("status").stringValue()).isEqualTo("PARTIALLY_FAILED");
            assertThat(notice.get("stats").get("sms").get("delivered").asLong()).isEqualTo(1);
        });
        return new PartlyFailed(property, noticeId, alice, bob, chloe, chunk, firstAnswers, streamLines);
    }

    @Test
    void theDispatchIsOneChunkWithATargetPerRecipientAndChannelAndNoAddressWhereThereIsNone() throws Exception {
        PartlyFailed n = partlyFailedNotice();
        NoticeDispatchRequested chunk = n.chunk();
        assertThat(chunk.chunkIndex()).isZero();
        assertThat(chunk.chunkCount()).isEqualTo(1);
        assertThat(chunk.totals()).isEqualTo(new ChannelTotals(3, 3));
        assertThat(chunk.content()).isEqualTo(new Content("Water shut-off", "Water is off on Tuesday.",
                "Water is off on Tuesday."));
        assertThat(chunk.targets()).containsExactlyInAnyOrder(
                new Target(n.alice(), Channel.EMAIL, 1, "alice@example.com"),
                new Target(n.alice(), Channel.SMS, 1, "+15145550001"),
                new Target(n.bob(), Channel.EMAIL, 1, "bob@example.com"),
                new Target(n.bob(), Channel.SMS, 1, null),
                new Target(n.chloe(), Channel.EMAIL, 1, "chloe@example.com"),
                new Target(n.chloe(), Channel.SMS, 1, "+15145550003"));
    }

    @Test
    void resultsTwiceInAnyOrderGiveExactStatsAndStatusAndReachTheLiveStream() throws Exception {
        PartlyFailed n = partlyFailedNotice();
        JsonNode notice = call("GET", "/api/notices/" + n.noticeId(), null, n.property()).body();
        assertThat(notice.get("resendable").asBoolean()).isTrue();
        assertThat(notice.get("sentAt").isString()).isTrue();
        assertStats(notice.get("stats"), 3, 2, 2, new long[] {3, 0, 0, 2, 1, 0}, new long[] {3, 0, 0, 1, 1, 1});
        await().atMost(Duration.ofSeconds(10)).until(() -> n.streamLines().stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("PARTIALLY_FAILED")));
        assertThat(n.streamLines()).contains("event:notice");
    }

    @Test
    void theTableFiltersByStatusAndChannelSortsByNamePagesAndExportsTheFailedAsCsv() throws Exception {
        PartlyFailed n = partlyFailedNotice();
        String noticeId = n.noticeId();
        String property = n.property();
        // FAILED on any channel, sorted by name (case-insensitive), then by channel.
        JsonNode failed = call("GET", "/api/notices/" + noticeId + "/recipients?status=FAILED", null, property).body();
        assertThat(failed.get("items").findValuesAsString("recipientId")).containsExactly(n.alice(), n.bob());
        JsonNode bobRow = failed.get("items").get(1);
        assertThat(bobRow.get("email").stringValue()).isEqualTo("bob@example.com");
        assertThat(bobRow.get("channels").get("EMAIL").get("status").stringValue()).isEqualTo("FAILED");
        assertThat(bobRow.get("channels").get("EMAIL").get("lastError").get("code").stringValue()).isEqualTo("BOUNCED");
        assertThat(bobRow.get("channels").get("SMS").get("lastError").get("code").stringValue())
                .isEqualTo("NO_ADDRESS");
        JsonNode failedEmail = call("GET", "/api/notices/" + noticeId + "/recipients?status=FAILED,PENDING&channel=EMAIL",
                null, property).body();
        assertThat(failedEmail.get("items").findValuesAsString("recipientId")).containsExactly(n.bob());
        JsonNode all = call("GET", "/api/notices/" + noticeId + "/recipients?page=0&size=2", null, property).body();
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("items").findValuesAsString("name")).containsExactly("Alice Martin", "bob Nguyen");
        JsonNode last = call("GET", "/api/notices/" + noticeId + "/recipients?page=1&size=2", null, property).body();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("totalItems").asLong()).isEqualTo(3);
        JsonNode secondFailed = call("GET", "/api/notices/" + noticeId + "/recipients?status=FAILED&page=1&size=1",
                null, property).body();
        assertThat(secondFailed.get("items").findValuesAsString("recipientId")).containsExactly(n.bob());
        assertThat(secondFailed.get("totalItems").asLong()).isEqualTo(2);
        assertThat(call("GET", "/api/notices/" + noticeId + "/recipients?size=201", null, property).status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/notices/" + noticeId + "/recipients?status=LOST", null, property).status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/notices/" + noticeId + "/recipients", null, newProperty()).status())
                .isEqualTo(404);

        Response csv = call("GET", "/api/notices/" + noticeId + "/recipients/export?status=FAILED", null, property);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.http().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.raw().split("\r\n")).hasSize(3);
        assertThat(csv.raw()).contains("\"bob Nguyen\"", "\"BOUNCED\"", "\"'+15145550001\"");
    }

    @Test
    void aResendClaimsItsTargetsIgnoresStaleResultsAndItsResultsTurnTheNoticeSentUntilALateOptOut() throws Exception {
        PartlyFailed n = partlyFailedNotice();
        String noticeId = n.noticeId();
        String property = n.property();
        String alice = n.alice();
        String bob = n.bob();
        // A resend claims Alice's SMS and Bob's email (at Bob's new address): PENDING at attempt 2.
        call("PATCH", "/api/residents/" + bob, "{\"email\":\"bob.n@example.com\"}", property);
        String resendId = "resend-" + noticeId;
        ResendRequested resend = ResendRequested.of(resendId, noticeId, property, ResendScope.FAILED_ONLY,
                new Requester("user-1", "Manager One"), Instant.now(), new Content("t", "b", "s"),
                List.of(new Target(alice, Channel.SMS, 2, "+15145550001"),
                        new Target(bob, Channel.EMAIL, 2, "bob.n@example.com")),
                0, 1, new ChannelTotals(1, 1), 2);
        publish(Topics.RESEND_REQUESTED, Topics.chunkKey(resendId, 0), JSON.writeValueAsString(resend));
        // A stale attempt-1 failure arriving after the claim changes nothing.
        publishResult(n.firstAnswers().get(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode bobNow = call("GET", "/api/notices/" + noticeId + "/recipients?status=PENDING&channel=EMAIL", null,
                    property).body().get("items").get(0);
            assertThat(bobNow.get("recipientId").stringValue()).isEqualTo(bob);
            assertThat(bobNow.get("channels").get("EMAIL").get("attempt").asInt()).isEqualTo(2);
            assertThat(bobNow.get("channels").get("EMAIL").get("address").stringValue()).isEqualTo("bob.n@example.com");
        });
        publish(Topics.RESEND_REQUESTED, Topics.chunkKey(resendId, 0), JSON.writeValueAsString(resend));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode during = call("GET", "/api/notices/" + noticeId, null, property).body();
            assertThat(during.get("status").stringValue()).isEqualTo("PARTIALLY_FAILED");
            assertThat(during.get("resendable").asBoolean()).isFalse();
            assertStats(during.get("stats"), 3, 2, 0, new long[] {3, 1, 0, 2, 0, 0}, new long[] {3, 1, 0, 1, 0, 1});
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> n.streamLines().stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains(resendId)));

        // The resend's results turn the notice SENT.
        for (DeliveryResult r : List.of(
                result(noticeId, alice, Channel.SMS, 2, resendId, DeliveryStatus.DELIVERED, null, "+15145550001"),
                result(noticeId, alice, Channel.SMS, 2, resendId, DeliveryStatus.SENT, null, "+15145550001"),
                result(noticeId, bob, Channel.EMAIL, 2, resendId, DeliveryStatus.SENT, null, "bob.n@example.com"))) {
            publishResult(r);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = call("GET", "/api/notices/" + noticeId, null, property).body();
            assertThat(after.get("status").stringValue()).isEqualTo("SENT");
            assertStats(after.get("stats"), 3, 3, 0, new long[] {3, 0, 1, 2, 0, 0}, new long[] {3, 0, 0, 2, 0, 1});
        });

        // A late opt-out of Chloé's SMS: FAILED wins over DELIVERED, and she is opted out of SMS.
        publishResult(result(noticeId, n.chloe(), Channel.SMS, 1, n.chunk().dispatchId(), DeliveryStatus.FAILED,
                ErrorCode.OPTED_OUT, "+15145550003"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode late = call("GET", "/api/notices/" + noticeId, null, property).body();
            assertThat(late.get("status").stringValue()).isEqualTo("PARTIALLY_FAILED");
            assertThat(late.get("resendable").asBoolean()).isTrue();
        });
        JsonNode chloeNow = call("GET", "/api/residents/" + n.chloe(), null, property).body();
        assertThat(chloeNow.get("optedOut").get(0).stringValue()).isEqualTo("SMS");
        // what resend-service then reads: Bob's email SENT at his new address, Chloé opted out of SMS
        JsonNode states = callAsService("/internal/notices/" + noticeId + "/delivery-states").body();
        assertThat(states.get("recipients").findValuesAsString("recipientId")).containsExactly(bob, n.chloe());
        assertThat(states.get("recipients").get(0).get("email").stringValue()).isEqualTo("bob.n@example.com");
        assertThat(states.get("recipients").get(0).get("channels").get("EMAIL").get("status").stringValue())
                .isEqualTo("SENT");
        JsonNode chloeStates = states.get("recipients").get(1);
        assertThat(chloeStates.get("optedOut").get(0).stringValue()).isEqualTo("SMS");
        assertThat(chloeStates.get("channels").get("SMS").get("errorCode").stringValue()).isEqualTo("OPTED_OUT");
    }

    @Test
    void resendServiceReadsTheRecipientsAResendCouldTargetAndTheOnesItSelects() throws Exception {
        PartlyFailed n = partlyFailedNotice();
        String noticeId = n.noticeId();
        // a FAILED or SKIPPED channel, by the positions of those statuses; Chloé got everything and is left out
        Response states = callAsService("/internal/notices/" + noticeId + "/delivery-states");
        assertThat(states.status()).isEqualTo(200);
        assertThat(InternalApiSchemas.errors(InternalApiSchemas.DELIVERY_STATES, states.raw())).isEmpty();
        JsonNode body = states.body();
        assertThat(body.get("status").stringValue()).isEqualTo("PARTIALLY_FAILED");
        assertThat(body.get("channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
        assertThat(body.get("content").get("smsText").stringValue()).isEqualTo("Water is off on Tuesday.");
        assertThat(body.get("recipients").findValuesAsString("recipientId")).containsExactly(n.alice(), n.bob());
        assertThat(body.get("recipients").get(0).get("channels").get("SMS").get("errorCode").stringValue())
                .isEqualTo("CARRIER_REJECTED");
        JsonNode bobStates = body.get("recipients").get(1);
        assertThat(bobStates.get("email").stringValue()).isEqualTo("bob@example.com");
        assertThat(bobStates.get("phone").isNull()).isTrue();
        assertThat(bobStates.get("channels").get("EMAIL").get("status").stringValue()).isEqualTo("FAILED");
        assertThat(bobStates.get("channels").get("SMS").get("errorCode").stringValue()).isEqualTo("NO_ADDRESS");
        // A selection names recipients to include whatever their states (ids that are not recipients are absent).
        Response selected = callWithToken("POST", "/internal/notices/" + noticeId + "/delivery-states",
                Map.of("recipientIds", List.of(n.chloe(), "not-a-recipient")), InternalTokens.forService("resend-service"),
                "Content-Type", "application/json");
        assertThat(selected.body().get("recipients").findValuesAsString("recipientId"))
                .containsExactly(n.alice(), n.bob(), n.chloe());
        assertThat(InternalApiSchemas.errors(InternalApiSchemas.DELIVERY_STATES, selected.raw())).isEmpty();
        assertThat(callAsService("/internal/notices/nope/delivery-states").status()).isEqualTo(404);
    }

    private static void assertStats(JsonNode stats, long recipients, long received, long failedRecipients,
            long[] email, long[] sms) {
        assertThat(stats.get("recipients").asLong()).isEqualTo(recipients);
        assertThat(stats.get("received").asLong()).isEqualTo(received);
        assertThat(stats.get("failedRecipients").asLong()).isEqualTo(failedRecipients);
        assertChannel(stats.get("email"), email);
        assertChannel(stats.get("sms"), sms);
    }

    /** {total, pending, sent, delivered, failed, skipped} */
    private static void assertChannel(JsonNode counts, long[] expected) {
        assertThat(new long[] {counts.get("total").asLong(), counts.get("pending").asLong(), counts.get("sent").asLong(),
                counts.get("delivered").asLong(), counts.get("failed").asLong(), counts.get("skipped").asLong()})
                .containsExactly(expected);
    }

    private static DeliveryResult result(String noticeId, String recipientId, Channel channel, int attempt,
            String attemptId, DeliveryStatus status, ErrorCode errorCode, String address) {
        return DeliveryResult.of("p1", noticeId, recipientId, channel, attempt, attemptId, status, errorCode,
                errorCode == null ? null : "code-" + errorCode, errorCode == null ? null : "failed: " + errorCode,
                channel == Channel.EMAIL ? "sendgrid" : "twilio", "msg-" + recipientId, address);
    }

    @Test
    void aSendDeferredByAnOutageIsAFirstAnswerAndStaysPendingUntilItsResult() {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        String ben = createResident(property, "Ben Ray", "ben@example.com", null);
        NoticeDispatchRequested chunk = sendEmailNotice(property);
        String noticeId = chunk.noticeId();
        publishResult(result(noticeId, ann, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.SENT, null,
                "ann@example.com"));
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/notices/" + noticeId, null, property)
                .body().get("stats").get("email").get("sent").asLong() == 1);
        assertThat(call("GET", "/api/notices/" + noticeId, null, property).body().get("status").stringValue())
                .as("Ben's email has had no answer").isEqualTo("SENDING");

        DeliveryDeferred deferral = DeliveryDeferred.of("p1", noticeId, Channel.EMAIL, "sendgrid", "HTTP 503", Instant.now(),
                Instant.now().plusSeconds(86_400), List.of(new DeliveryDeferred.DeferredTarget(ben, 1,
                        chunk.dispatchId())));
        publishDeferral(deferral);
        publishDeferral(deferral);

        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/notices/" + noticeId, null, property)
                .body().get("status").stringValue().equals("SENT"));
        JsonNode notice = call("GET", "/api/notices/" + noticeId, null, property).body();
        assertThat(notice.get("stats").get("email").get("pending").asLong()).as("deferred, still waiting").isEqualTo(1);
        assertThat(notice.get("resendable").asBoolean()).isFalse();
        JsonNode waiting = call("GET", "/api/notices/" + noticeId + "/recipients?status=PENDING", null, property).body()
                .get("items");
        assertThat(waiting.findValuesAsString("recipientId")).containsExactly(ben);
        assertThat(waiting.get(0).get("channels").get("EMAIL").get("lastError").get("code").stringValue())
                .as("the table says why it waits").isEqualTo("PROVIDER_UNAVAILABLE");

        // the parked send goes out after the outage; a deferral arriving after its result changes nothing
        publishResult(result(noticeId, ben, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.SENT, null,
                "ben@example.com"));
        publishDeferral(deferral);
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/notices/" + noticeId, null, property)
                .body().get("stats").get("email").get("sent").asLong() == 2);
        notice = call("GET", "/api/notices/" + noticeId, null, property).body();
        assertThat(notice.get("status").stringValue()).isEqualTo("SENT");
        assertThat(notice.get("stats").get("email").get("pending").asLong()).isZero();
        JsonNode benRow = call("GET", "/api/notices/" + noticeId + "/recipients?status=SENT", null, property).body()
                .get("items").get(1);
        assertThat(benRow.get("recipientId").stringValue()).isEqualTo(ben);
        JsonNode benError = benRow.get("channels").get("EMAIL").get("lastError");
        assertThat(benError == null || benError.isNull()).as("sent: nothing to explain").isTrue();
    }

    @Test
    void anSmsHeldForQuietHoursIsAFirstAnswerAndTheTableSaysUntilWhen() {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", null, "+15145550001");
        String noticeId = call("POST", "/api/properties/" + property + "/notices", Map.of("title", "Water",
                "body", "Water is off.", "channels", List.of("SMS")), property).body().get("id").stringValue();
        assertThat(call("POST", "/api/notices/" + noticeId + "/send", null, property).status()).isEqualTo(202);
        NoticeDispatchRequested chunk = JSON.readValue(read(Topics.NOTICE_DISPATCH_REQUESTED,
                r -> r.key().startsWith(noticeId + ":"), 1, Duration.ofSeconds(30)).get(0).value(),
                NoticeDispatchRequested.class);
        Instant until = Instant.now().plusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        DeliveryHeld hold = DeliveryHeld.quietHours(property, noticeId, Channel.SMS, until,
                List.of(new DeliveryDeferred.DeferredTarget(ann, 1, chunk.dispatchId())));
        publish(Topics.DELIVERY_HOLDS, noticeId, JSON.writeValueAsString(hold));
        publish(Topics.DELIVERY_HOLDS, noticeId, JSON.writeValueAsString(hold));

        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/notices/" + noticeId, null, property)
                .body().get("status").stringValue().equals("SENT"));
        JsonNode sms = call("GET", "/api/notices/" + noticeId + "/recipients", null, property).body().get("items").get(0)
                .get("channels").get("SMS");
        assertThat(sms.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(sms.get("deferral").get("reason").stringValue()).isEqualTo("QUIET_HOURS");
        assertThat(Instant.parse(sms.get("deferral").get("until").stringValue())).isEqualTo(until);
        assertThat(sms.get("lastError").isNull()).as("waiting on purpose is no error").isTrue();

        publishResult(result(noticeId, ann, Channel.SMS, 1, chunk.dispatchId(), DeliveryStatus.SENT, null,
                "+15145550001"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode sent = call("GET", "/api/notices/" + noticeId + "/recipients", null, property).body().get("items")
                    .get(0).get("channels").get("SMS");
            assertThat(sent.get("status").stringValue()).isEqualTo("SENT");
            assertThat(sent.get("deferral").isNull()).isTrue();
        });
    }

    @Test
    void theDeliveryStatesVersionMovesWithEveryResultAndResidentChangeAndAKeptOneGetsTheSelectionOnly() {
        String property = newProperty();
        String ann = createResident(property, "Ann Lee", "ann@example.com", null);
        String ben = createResident(property, "Ben Ray", "ben@example.com", null);
        NoticeDispatchRequested chunk = sendEmailNotice(property);
        String noticeId = chunk.noticeId();
        publishResult(result(noticeId, ann, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.DELIVERED, null,
                "ann@example.com"));
        publishResult(result(noticeId, ben, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.FAILED,
                ErrorCode.BOUNCED, "ben@example.com"));
        await().atMost(Duration.ofSeconds(30)).until(() -> states(noticeId, List.of(), null).get("status")
                .stringValue().equals("PARTIALLY_FAILED"));

        JsonNode whole = states(noticeId, List.of(), null);
        String version = whole.get("version").stringValue();
        assertThat(whole.get("complete").asBoolean()).isTrue();
        assertThat(whole.get("recipients").findValuesAsString("recipientId")).containsExactly(ben);
        JsonNode kept = states(noticeId, List.of(ann), version);
        assertThat(kept.get("version").stringValue()).isEqualTo(version);
        assertThat(kept.get("complete").asBoolean()).as("the caller keeps the failures").isFalse();
        assertThat(kept.get("recipients").findValuesAsString("recipientId")).containsExactly(ann);
        assertThat(states(noticeId, List.of(), "PARTIALLY_FAILED.0.0").get("complete").asBoolean())
                .as("an old version gets everything").isTrue();

        // a resident's change moves it before the PATCH answers
        assertThat(call("PATCH", "/api/residents/" + ben, Map.of("email", "ben.ray@example.com"), property).status())
                .isEqualTo(200);
        JsonNode fixed = states(noticeId, List.of(), version);
        assertThat(fixed.get("complete").asBoolean()).isTrue();
        assertThat(fixed.get("recipients").get(0).get("email").stringValue()).isEqualTo("ben.ray@example.com");
        String afterPatch = fixed.get("version").stringValue();
        assertThat(afterPatch).isNotEqualTo(version);

        // a result moves it once projected, even a duplicate that changes no state (it could be a redelivery)
        publishResult(result(noticeId, ben, Channel.EMAIL, 1, chunk.dispatchId(), DeliveryStatus.FAILED,
                ErrorCode.BOUNCED, "ben@example.com"));
        await().atMost(Duration.ofSeconds(30)).until(() -> states(noticeId, List.of(), afterPatch).get("complete")
                .asBoolean());
        assertThat(states(noticeId, List.of(), afterPatch).get("version").stringValue()).isNotEqualTo(afterPatch);
    }

    private JsonNode states(String noticeId, List<String> selected, String knownVersion) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("recipientIds", selected);
        if (knownVersion != null) {
            body.put("knownVersion", knownVersion);
        }
        InternalApiSchemas.requireValid(InternalApiSchemas.DELIVERY_STATES_REQUEST, JSON.writeValueAsString(body));
        Response answer = callWithToken("POST", "/internal/notices/" + noticeId + "/delivery-states", body,
                InternalTokens.forService("resend-service"), "Content-Type", "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(InternalApiSchemas.errors(InternalApiSchemas.DELIVERY_STATES, answer.raw())).isEmpty();
        return answer.body();
    }

    private void publishDeferral(DeliveryDeferred deferral) {
        publish(Topics.DELIVERY_DEFERRALS, deferral.noticeId(), JSON.writeValueAsString(deferral));
    }

    private void publishResult(DeliveryResult result) {
        publish(Topics.DELIVERY_RESULTS, Topics.noticeKey(result.noticeId()),
                JSON.writeValueAsString(result));
    }
}
