package com.propty.history.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.testsupport.DirectCalls;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.TestInfrastructure;
import com.propty.testsupport.ZeroTrust;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * history-service against a real Kafka broker and MongoDB-wire server: resend requests and their
 * results published raw (duplicated, shuffled, results before requests) end up as the history the
 * page shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ResendHistoryApiTest {

    static final String PROPERTY = "prop-1";
    static final FakeNoticeOwners NOTICES = new FakeNoticeOwners();

    final Content content = new Content("Water shut-off", "The water is off on Monday.", "Water off Monday.");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("history.notice-service.url", NOTICES::url);
    }

    @AfterAll
    static void stopNoticeService() {
        NOTICES.stop();
    }

    @Test
    void calledDirectlyOnlyAValidInternalTokenGetsIn() {
        ZeroTrust.assertOnlyAValidTokenGetsIn(
                new DirectCalls(port).uri("/api/notices/" + NOTICES.notice(id(), PROPERTY) + "/resends"), InternalTokens.manager("manager-1", PROPERTY), 200);
    }

    @Test
    void theHistoryListsResendsNewestFirstWithOutcomesCorrectUnderDuplicatesAndReordering() throws Exception {
        String noticeId = NOTICES.notice(id(), PROPERTY);
        String first = "resend-a-" + UUID.randomUUID();
        String second = "resend-b-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // First resend (FULL): 4 targets in two chunks, attempt 2.
        List<Target> firstTargets = List.of(new Target("r1", Channel.EMAIL, 2, "r1@example.com"),
                new Target("r1", Channel.SMS, 2, "+15145550001"), new Target("r2", Channel.EMAIL, 2, "r2@example.com"),
                new Target("r3", Channel.EMAIL, 2, "r3@example.com"));
        List<ResendRequested> firstChunks = List.of(
                chunk(first, noticeId, ResendScope.FAILED_ONLY, "manager-1", t0, firstTargets.subList(0, 2), 0, firstTargets),
                chunk(first, noticeId, ResendScope.FAILED_ONLY, "manager-1", t0, firstTargets.subList(2, 4), 1, firstTargets));

        List<DeliveryResult> firstResults = new ArrayList<>(List.of(
                result(noticeId, "r1", Channel.EMAIL, 2, first, DeliveryStatus.SENT),
                result(noticeId, "r1", Channel.EMAIL, 2, first, DeliveryStatus.DELIVERED),
                result(noticeId, "r1", Channel.SMS, 2, first, DeliveryStatus.SENT),
                result(noticeId, "r2", Channel.EMAIL, 2, first, DeliveryStatus.FAILED),
                // first-dispatch results (attempt 1) belong to no resend
                result(noticeId, "r3", Channel.EMAIL, 1, "dispatch-1", DeliveryStatus.DELIVERED),
                result(noticeId, "r9", Channel.EMAIL, 1, "dispatch-1", DeliveryStatus.FAILED)));
        // duplicates, then shuffled
        firstResults.addAll(List.copyOf(firstResults));
        Collections.shuffle(firstResults, new Random(42));

        // Results first, and wait until they are projected: the request arrives after its results.
        for (DeliveryResult result : firstResults) {
            send(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId), result);
        }
        await().atMost(20, SECONDS).until(() -> mongo.findById(first + ":r2:EMAIL", Document.class, "resend_targets") != null
                && mongo.findById(first + ":r1:SMS", Document.class, "resend_targets") != null);
        assertThat(get("/api/notices/" + noticeId + "/resends", PROPERTY).body()).isEqualTo("[]");
        for (ResendRequested chunk : List.of(firstChunks.get(1), firstChunks.get(0), firstChunks.get(1))) {
            send(Topics.RESEND_REQUESTED, Topics.noticeKey(noticeId), chunk);
        }

        // Second resend (PARTIAL) of r2's email, attempt 3, a minute later: it must not change the first's outcome.
        List<Target> secondTargets = List.of(new Target("r2", Channel.EMAIL, 3, "fixed@example.com"));
        send(Topics.RESEND_REQUESTED, Topics.noticeKey(noticeId), chunk(second, noticeId, ResendScope.SELECTED,
                "manager-2", t0.plusSeconds(60), secondTargets, 0, secondTargets));
        send(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId),
                result(noticeId, "r2", Channel.EMAIL, 3, second, DeliveryStatus.SENT));

        await().atMost(20, SECONDS).untilAsserted(() -> {
            JsonNode history = json.readTree(get("/api/notices/" + noticeId + "/resends", PROPERTY).body());
            assertThat(history).hasSize(2);
            JsonNode newest = history.get(0);
            assertThat(newest.get("resendId").asString()).isEqualTo(second);
            assertThat(newest.get("type").asString()).isEqualTo("PARTIAL");
            assertThat(newest.get("scope").asString()).isEqualTo("SELECTED");
            assertThat(newest.get("requestedBy").get("id").asString()).isEqualTo("manager-2");
            assertThat(outcome(newest)).isEqualTo("pending=0 sent=1 delivered=0 failed=0 skipped=0");

            JsonNode oldest = history.get(1);
            assertThat(oldest.get("resendId").asString()).isEqualTo(first);
            assertThat(oldest.get("requestedAt").asString()).isEqualTo(t0.toString());
            assertThat(oldest.get("requestedBy").get("name").asString()).isEqualTo("Manager manager-1");
            assertThat(oldest.get("scope").asString()).isEqualTo("FAILED_ONLY");
            assertThat(oldest.get("type").asString()).isEqualTo("FULL");
            assertThat(oldest.get("recipients").asInt()).isEqualTo(3);
            assertThat(oldest.get("emails").asInt()).isEqualTo(3);
            assertThat(oldest.get("sms").asInt()).isEqualTo(1);
            // r1 email DELIVERED, r1 SMS SENT, r2 email FAILED, r3 email still PENDING (its result was attempt 1)
            assertThat(outcome(oldest)).isEqualTo("pending=1 sent=1 delivered=1 failed=1 skipped=0");
        });
        assertThat(mongo.findById("dispatch-1:r3:EMAIL", Document.class, "resend_targets")).isNull();

        // A late SENT after DELIVERED, and the r3 answer, arrive: DELIVERED stays, r3 moves on.
        send(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId),
                result(noticeId, "r1", Channel.EMAIL, 2, first, DeliveryStatus.SENT));
        send(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId),
                result(noticeId, "r3", Channel.EMAIL, 2, first, DeliveryStatus.SKIPPED));
        await().atMost(20, SECONDS).untilAsserted(() -> {
            JsonNode history = json.readTree(get("/api/notices/" + noticeId + "/resends", PROPERTY).body());
            assertThat(outcome(history.get(1))).isEqualTo("pending=0 sent=1 delivered=1 failed=1 skipped=1");
        });
    }

    @Test
    void aNoticeOfAnotherPropertyIsNotFoundAndANoticeWithoutResendsHasAnEmptyHistory() throws Exception {
        String noticeId = UUID.randomUUID().toString();
        String resendId = UUID.randomUUID().toString();
        List<Target> targets = List.of(new Target("r1", Channel.EMAIL, 2, "r1@example.com"));
        send(Topics.RESEND_REQUESTED, Topics.noticeKey(noticeId),
                chunk(resendId, noticeId, ResendScope.FAILED_ONLY, "manager-1", Instant.now(), targets, 0, targets));
        await().atMost(20, SECONDS).until(() -> get("/api/notices/" + noticeId + "/resends", PROPERTY).body()
                .contains(resendId));

        HttpResponse<String> elsewhere = get("/api/notices/" + noticeId + "/resends", "prop-other");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(elsewhere.body()).get("code").asString()).isEqualTo("NOT_FOUND");

        String withoutResends = NOTICES.notice(id(), PROPERTY);
        HttpResponse<String> none = get("/api/notices/" + withoutResends + "/resends", PROPERTY);
        assertThat(none.statusCode()).as("a notice of the caller's without resends").isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        // CONTRACT §3: 404 for a notice that does not exist, or is another property's, resends or not
        HttpResponse<String> missing = get("/api/notices/" + id() + "/resends", PROPERTY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(get("/api/notices/" + NOTICES.notice(id(), "prop-other") + "/resends", PROPERTY).statusCode())
                .isEqualTo(404);
        // once known, a notice's owner is kept: notice-service down changes nothing for it, and is 503 for the others
        NOTICES.failing(true);
        try {
            HttpResponse<String> unavailable = get("/api/notices/" + NOTICES.notice(id(), PROPERTY) + "/resends",
                    PROPERTY);
            assertThat(unavailable.statusCode()).as("never looked up, notice-service failing").isEqualTo(503);
            assertThat(json.readTree(unavailable.body()).get("code").asString()).isEqualTo("NOTICE_SERVICE_UNAVAILABLE");
            assertThat(get("/api/notices/" + withoutResends + "/resends", PROPERTY).statusCode()).isEqualTo(200);
        } finally {
            NOTICES.failing(false);
        }

        HttpResponse<String> anonymous = new DirectCalls(port).get("/api/notices/" + noticeId + "/resends", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    // ---- what each resend did: GET /api/notices/{id}/resends/{resendId}/targets

    /** A resend of five targets in three chunks whose results arrive first, twice, and shuffled; answers its id. */
    String resendOfFive(String noticeId) throws Exception {
        String resendId = "resend-d-" + UUID.randomUUID();
        List<Target> targets = List.of(new Target("r1", Channel.EMAIL, 2, "r1@example.com"),
                new Target("r1", Channel.SMS, 2, "+15145550001"), new Target("r2", Channel.EMAIL, 2, "r2@example.com"),
                new Target("r3", Channel.EMAIL, 3, "=HYPERLINK(\"x\")@example.com"),
                new Target("r4", Channel.SMS, 2, "+15145550004", true)); // r4's email could not succeed: SMS instead
        List<DeliveryResult> results = new ArrayList<>(List.of(
                result(noticeId, "r1", Channel.EMAIL, 2, resendId, DeliveryStatus.SENT),
                result(noticeId, "r1", Channel.EMAIL, 2, resendId, DeliveryStatus.DELIVERED),
                result(noticeId, "r2", Channel.EMAIL, 2, resendId, DeliveryStatus.FAILED),
                result(noticeId, "r4", Channel.SMS, 2, resendId, DeliveryStatus.SENT),
                // a later resend of r2's email is another resend's row
                result(noticeId, "r2", Channel.EMAIL, 3, "resend-later", DeliveryStatus.DELIVERED)));
        results.addAll(List.copyOf(results));
        Collections.shuffle(results, new Random(11));
        for (DeliveryResult result : results) {
            send(Topics.DELIVERY_RESULTS, Topics.noticeKey(noticeId), result);
        }
        for (int index : new int[] {2, 0, 1, 0}) {
            send(Topics.RESEND_REQUESTED, Topics.noticeKey(noticeId), chunk(resendId, noticeId,
                    ResendScope.FAILED_ONLY, "manager-1", Instant.now(),
                    targets.subList(index * 2, Math.min(targets.size(), index * 2 + 2)), index, targets));
        }
        String path = "/api/notices/" + noticeId + "/resends/" + resendId + "/targets";
        await().atMost(20, SECONDS).until(() -> json.readTree(get(path + "?size=200", PROPERTY).body())
                .get("items").size() == 5);
        return resendId;
    }

    @Test
    void aResendsDetailPagesItsTargetsInOrderWithTheOutcomeOfThatAttempt() throws Exception {
        String noticeId = NOTICES.notice(id(), PROPERTY);
        String path = "/api/notices/" + noticeId + "/resends/" + resendOfFive(noticeId) + "/targets";
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HttpResponse<String> response = get(path + "?size=2" + (after == null ? "" : "&after=" + after), PROPERTY);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            page.get("items").forEach(item -> seen.add(item.get("recipientId").asString() + ":"
                    + item.get("channel").asString() + ":" + item.get("attempt").asInt() + ":"
                    + item.get("outcome").get("status").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("r1:EMAIL:2:DELIVERED", "r1:SMS:2:PENDING", "r2:EMAIL:2:FAILED",
                "r3:EMAIL:3:PENDING", "r4:SMS:2:SENT");
    }

    @Test
    void aResendsDetailFiltersByOutcomeAndShowsTheAddressUsedAndTheError() throws Exception {
        String noticeId = NOTICES.notice(id(), PROPERTY);
        String path = "/api/notices/" + noticeId + "/resends/" + resendOfFive(noticeId) + "/targets";
        JsonNode page = json.readTree(get(path + "?status=FAILED,SENT", PROPERTY).body());
        assertThat(page.get("items")).hasSize(2);
        JsonNode failed = page.get("items").get(0);
        assertThat(failed.get("recipientId").asString()).isEqualTo("r2");
        assertThat(failed.get("address").asString()).isEqualTo("r2@example.com");
        assertThat(failed.get("outcome").get("errorCode").asString()).isEqualTo("BOUNCED");
        assertThat(failed.get("outcome").get("updatedAt").isNull()).isFalse();
        assertThat(failed.get("fallback").asBoolean()).isFalse();
        assertThat(page.get("items").get(1).get("recipientId").asString()).isEqualTo("r4");
        assertThat(page.get("items").get(1).get("fallback").asBoolean()).isTrue();
        assertThat(page.get("next").isNull()).isTrue();

        JsonNode row = json.readTree(get("/api/notices/" + noticeId + "/resends", PROPERTY).body()).get(0);
        assertThat(row.get("sms").asInt()).isEqualTo(2);
        assertThat(row.get("fallback").get("sms").asInt()).isEqualTo(1);
        assertThat(row.get("fallback").get("emails").asInt()).isZero();
    }

    @Test
    void aResendsDetailExportsAsFormulaSafeCsvByAcceptOrByPath() throws Exception {
        String noticeId = NOTICES.notice(id(), PROPERTY);
        String path = "/api/notices/" + noticeId + "/resends/" + resendOfFive(noticeId) + "/targets";
        HttpResponse<String> byAccept = get(path + "?status=PENDING", PROPERTY, "text/csv");
        HttpResponse<String> byPath = get(path + ".csv?status=PENDING", PROPERTY, null);
        for (HttpResponse<String> csv : List.of(byAccept, byPath)) {
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).isEqualTo("\"recipientId\",\"channel\",\"fallback\",\"attempt\",\"address\",\"status\","
                    + "\"errorCode\",\"providerCode\",\"updatedAt\"");
            assertThat(lines[1]).startsWith("\"r1\",\"SMS\",\"false\",\"2\",\"'+15145550001\",\"PENDING\"");
            assertThat(lines[2]).startsWith("\"r3\",\"EMAIL\",\"false\",\"3\",\"'=HYPERLINK(\"\"x\"\")@example.com\"");
        }
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            HttpResponse<String> page = get(path, PROPERTY, accept);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as("Accept " + accept)
                    .startsWith("application/json");
        }
    }

    @Test
    void aResendsDetailIsNotFoundForAnotherPropertyAnotherNoticeOrNoSuchResendAndBadParametersAre400()
            throws Exception {
        String noticeId = NOTICES.notice(id(), PROPERTY);
        String resendId = resendOfFive(noticeId);
        String path = "/api/notices/" + noticeId + "/resends/" + resendId + "/targets";
        HttpResponse<String> csvElsewhere = get(path, "prop-other", "text/csv");
        assertThat(csvElsewhere.statusCode()).as("Accept: text/csv of another property's resend").isEqualTo(404);
        assertThat(csvElsewhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String[] call : new String[][] {{path, "prop-other"}, {path + ".csv", "prop-other"},
                {"/api/notices/" + NOTICES.notice(id(), PROPERTY) + "/resends/" + resendId + "/targets", PROPERTY},
                {"/api/notices/" + noticeId + "/resends/" + id() + "/targets", PROPERTY},
                {path + "?size=0&status=PIGEON", "prop-other"}}) {
            HttpResponse<String> response = get(call[0], call[1]);
            assertThat(response.statusCode()).as(call[0] + " as " + call[1]).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
        }
        for (String query : new String[] {"?size=0", "?size=201", "?size=x", "?after=bm90IGEgY3Vyc29y", "?status=PIGEON",
                "?status=%7B%22%24ne%22%3A%22%22%7D"}) {
            HttpResponse<String> response = get(path + query, PROPERTY);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("code").asString()).as(query).isIn("VALIDATION_FAILED",
                    "INVALID_REQUEST");
        }
    }

    static String outcome(JsonNode row) {
        JsonNode o = row.get("outcome");
        return "pending=" + o.get("pending").asInt() + " sent=" + o.get("sent").asInt() + " delivered="
                + o.get("delivered").asInt() + " failed=" + o.get("failed").asInt() + " skipped=" + o.get("skipped").asInt();
    }

    /** Chunk {@code index} of a resend whose targets are {@code all}, cut in chunks of two. */
    ResendRequested chunk(String resendId, String noticeId, ResendScope scope, String user, Instant at,
            List<Target> targets, int index, List<Target> all) {
        int recipients = (int) all.stream().map(Target::recipientId).distinct().count();
        int chunkCount = (all.size() + 1) / 2;
        return ResendRequested.of(resendId, noticeId, PROPERTY, scope, new Requester(user, "Manager " + user), at,
                content, targets, index, chunkCount, ChannelTotals.count(all), recipients);
    }

    static DeliveryResult result(String noticeId, String recipientId, Channel channel, int attempt, String attemptId,
            DeliveryStatus status) {
        return DeliveryResult.of(PROPERTY, noticeId, recipientId, channel, attempt, attemptId, status,
                status == DeliveryStatus.FAILED ? ErrorCode.BOUNCED : null, null, null, "sendgrid", "m-1", "x");
    }

    void send(String topic, String key, Object event) throws Exception {
        TestInfrastructure.publish(topic, key, json.writeValueAsString(event));
    }

    HttpResponse<String> get(String path, String properties) {
        return get(path, properties, null);
    }

    HttpResponse<String> get(String path, String properties, String accept) {
        String token = InternalTokens.manager("manager-1", properties.split(","));
        return accept == null ? new DirectCalls(port).get(path, token)
                : new DirectCalls(port).send("GET", path, token, null, "Accept", accept);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
