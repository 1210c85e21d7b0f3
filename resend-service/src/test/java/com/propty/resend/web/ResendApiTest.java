package com.propty.resend.web;

import static com.propty.testsupport.Problems.assertProblem;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.ResendRequested;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.resend.claim.Claims;
import com.propty.resend.policy.ChannelKey;
import com.propty.resend.policy.Claim;
import com.propty.testsupport.DirectCalls;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.TestInfrastructure;
import com.propty.testsupport.TopicReader;
import com.propty.testsupport.ZeroTrust;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * resend-service against a real Kafka broker and MongoDB-wire server, with notice-service faked by a
 * JDK HttpServer: what the dialog shows is what a resend publishes, the error codes in their order,
 * idempotency, claims under concurrency, release by results, and notice-service outages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resend.notice-service.timeout=PT2S",
        "resend.notice-service.retry.wait-duration=PT0.05S",
        "resend.notice-service.circuit-breaker.minimum-number-of-calls=1000",
        "resend.notice-service.circuit-breaker.sliding-window-size=1000",
        // this class resends far more often than a manager would; the limit itself is tested with a user of its own
        "propty.rate-limits.actions.resend.limit=120",
        // a line for each batch consumed, to see which trace it belongs to
        "logging.level.com.propty.kit.messaging.BatchTracing=DEBUG"})
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class ResendApiTest {

    static final String PROPERTY = "prop-1";
    static final FakeNoticeService NOTICES = new FakeNoticeService().start();
    static final String DLQ = "delivery-results.resend-service.dlq";
    static TopicReader published;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Claims claims;
    @org.springframework.beans.factory.annotation.Value("${propty.rate-limits.actions.resend.limit}")
    int resendLimit;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("resend.notice-service.url", NOTICES::url);
    }

    @BeforeAll
    static void readTopics() throws InterruptedException {
        published = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), Topics.RESEND_REQUESTED, DLQ,
                Topics.AUDIT_EVENTS);
    }

    @AfterEach
    void everyRequestToNoticeServiceMatchedItsSchema() {
        assertThat(NOTICES.invalidRequests()).as("requests that broke the internal API's schema").isZero();
    }

    @AfterAll
    static void stop() {
        published.close();
        NOTICES.stop();
    }

    // ---------------------------------------------------------------- zero trust

    @Test
    void calledDirectlyOnlyAValidInternalTokenGetsIn() {
        String noticeId = newNotice(failedNotice(1));

        ZeroTrust.assertOnlyAValidTokenGetsIn(calls().uri("/api/notices/" + noticeId + "/resend-options"),
                token("manager-1", PROPERTY), 200);
    }

    @Test
    void notice_service_is_called_with_resend_services_own_service_token() {
        String noticeId = newNotice(failedNotice(1));

        assertThat(get("/api/notices/" + noticeId + "/resend-options", PROPERTY).statusCode()).isEqualTo(200);
        assertThat(NOTICES.lastCaller()).as("the fake notice-service refuses any other").satisfies(caller -> {
            assertThat(caller.subject()).isEqualTo("service:resend-service");
            assertThat(caller.roles()).containsExactly("SERVICE");
        });
    }

    // ---------------------------------------------------------------- tracing

    @Test
    void aResendContinuesTheCallersTraceToNoticeServiceAndOntoTheBus() {
        String noticeId = newNotice(failedNotice(1));
        String trace = UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> accepted = calls().send("POST", "/api/notices/" + noticeId + "/resends",
                token("manager-1", PROPERTY), "{\"scope\":\"FAILED_ONLY\"}",
                "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(NOTICES.lastTraceparent()).as("the call to notice-service").startsWith("00-" + trace + "-");
        ConsumerRecord<String, String> chunk = await().atMost(20, SECONDS).until(() -> published.records().stream()
                .filter(r -> r.topic().equals(Topics.RESEND_REQUESTED) && r.value().contains(noticeId))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(new String(chunk.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .as("what delivery-service and history-service continue").startsWith("00-" + trace + "-");
    }

    @Test
    void aDeliveryResultIsRecordedInTheTraceItWasPublishedIn(CapturedOutput output) throws Exception {
        String noticeId = newNotice(failedNotice(1));
        String resendId = body(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY)).get("resendId")
                .asString();
        String trace = UUID.randomUUID().toString().replace("-", "");
        DeliveryResult result = DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.SMS, 2, resendId, DeliveryStatus.DELIVERED,
                null, null, null, "twilio", "SM1", "+15145550001");

        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DELIVERY_RESULTS,
                    Topics.noticeKey(noticeId), json.writeValueAsString(result));
            record.headers().add("traceparent", ("00-" + trace + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        await().atMost(20, SECONDS).until(() -> "RELEASED".equals(
                mongo.findById(noticeId + ":r1:SMS:2", Document.class, "claims").getString("state")));
        assertThat(output.getOut().lines().filter(line -> line.contains("process delivery-results: ")))
                .as("in its trace, or linked to it if the batch began with another's").anyMatch(line -> line.contains(trace));
    }

    // ---------------------------------------------------------------- options and what a resend publishes

    @Test
    void optionsCountExactlyWhatAResendThenPublishesWithNextAttemptsAndCurrentAddresses() {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                // email bounced at the old address, the manager fixed it; SMS delivered
                .recipient("r1", "new@example.com", "+15145550001", List.of(),
                        "EMAIL", "FAILED", 1, "old@example.com", "SMS", "DELIVERED", 1, "+15145550001")
                // both failed, same addresses; SMS fails for the second time
                .recipient("r2", "r2@example.com", "+15145550002", List.of(),
                        "EMAIL", "FAILED", 1, "r2@example.com", "SMS", "FAILED", 2, "+15145550002")
                // no phone any more, opted out of email
                .recipient("r3", "r3@example.com", null, List.of("EMAIL"),
                        "EMAIL", "FAILED", 1, "r3@example.com", "SMS", "FAILED", 1, "+15145550003")
                // never had a phone (SMS SKIPPED), email failed; and one who got it all
                .recipient("r4", "r4@example.com", "+15145550004", List.of(),
                        "EMAIL", "FAILED", 1, "r4@example.com", "SMS", "SKIPPED", 1, null)
                .recipient("r5", "r5@example.com", "+15145550005", List.of(),
                        "EMAIL", "DELIVERED", 1, "r5@example.com", "SMS", "SENT", 1, "+15145550005"));

        JsonNode options = body(get("/api/notices/" + noticeId + "/resend-options?selected=r2,nobody", PROPERTY));
        assertThat(options.get("resendable").asBoolean()).isTrue();
        assertThat(options.get("options")).hasSize(3);
        JsonNode failedOnly = option(options, 0, "FAILED_ONLY");
        JsonNode allUndelivered = option(options, 1, "ALL_UNDELIVERED");
        JsonNode selected = option(options, 2, "SELECTED");
        assertCounts(failedOnly, 3, 3, 1, true, 1, 1, 3);
        // r1 got the SMS, so is not undelivered; r4's SKIPPED SMS now has a phone
        assertCounts(allUndelivered, 2, 2, 2, true, 1, 1, 3);
        assertCounts(selected, 1, 1, 1, true, 0, 0, 2); // "nobody" is ignored here

        JsonNode postedOptions = body(send("POST", "/api/notices/" + noticeId + "/resend-options",
                "{\"recipientIds\":[\"r2\"]}", null, PROPERTY));
        assertThat(postedOptions).isEqualTo(options);

        HttpResponse<String> response = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY);
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = body(response);
        assertThat(accepted.get("noticeId").asString()).isEqualTo(noticeId);
        assertThat(accepted.get("scope").asString()).isEqualTo("FAILED_ONLY");
        assertThat(accepted.get("type").asString()).isEqualTo("FULL");
        assertThat(accepted.get("recipients").asInt()).isEqualTo(failedOnly.get("recipients").asInt());
        assertThat(accepted.get("emails").asInt()).isEqualTo(failedOnly.get("emails").asInt());
        assertThat(accepted.get("sms").asInt()).isEqualTo(failedOnly.get("sms").asInt());
        assertThat(accepted.get("skipped")).isEqualTo(failedOnly.get("skipped"));
        assertThat(accepted.get("message").asString()).isEqualTo("Resending 3 emails and 1 SMS.");

        List<ResendRequested> chunks = await().atMost(20, SECONDS)
                .until(() -> published(noticeId), c -> !c.isEmpty());
        assertThat(chunks).hasSize(1);
        ResendRequested chunk = chunks.get(0);
        assertThat(chunk.resendId()).isEqualTo(accepted.get("resendId").asString());
        assertThat(chunk.propertyId()).isEqualTo(PROPERTY);
        assertThat(chunk.requestedBy().id()).isEqualTo("manager-1");
        assertThat(chunk.requestedBy().name()).isEqualTo("Marie Manager");
        assertThat(chunk.content().title()).isEqualTo("Water shut-off");
        assertThat(chunk.chunkIndex()).isZero();
        assertThat(chunk.chunkCount()).isEqualTo(1);
        assertThat(chunk.recipients()).isEqualTo(3);
        assertThat(chunk.totals().email()).isEqualTo(3);
        assertThat(chunk.totals().sms()).isEqualTo(1);
        assertThat(chunk.targets()).containsExactlyInAnyOrder(
                new Target("r1", Channel.EMAIL, 2, "new@example.com"),
                new Target("r2", Channel.EMAIL, 2, "r2@example.com"),
                new Target("r2", Channel.SMS, 3, "+15145550002"),
                new Target("r4", Channel.EMAIL, 2, "r4@example.com"));
        ConsumerRecord<String, String> record = published.records().stream()
                .filter(r -> r.value().contains(chunk.resendId())).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(Topics.noticeKey(noticeId));

        Document resend = mongo.findById(chunk.resendId(), Document.class, "resends");
        assertThat(resend).isNotNull();
        assertThat(resend.getString("noticeId")).isEqualTo(noticeId);
        assertThat(resend.getList("targets", Document.class)).hasSize(4);

        // What could be sent is now claimed. r3's failures are still FAILED and unclaimed, so the notice
        // stays resendable (CONTRACT §2), but no scope has anything to send: every scope is disabled.
        JsonNode after = body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY));
        assertThat(after.get("resendable").asBoolean()).isTrue();
        assertCounts(option(after, 0, "FAILED_ONLY"), 0, 0, 0, false, 1, 1, 0);
        assertCounts(option(after, 1, "ALL_UNDELIVERED"), 0, 0, 0, false, 1, 1, 0); // r4 is under way again
        for (String scope : List.of("FAILED_ONLY", "ALL_UNDELIVERED")) {
            assertProblem(resend(noticeId, "{\"scope\":\"" + scope + "\"}", null, PROPERTY), 409,
                    "NO_FAILED_RECIPIENTS");
        }
    }

    @Test
    void theFallbackOptionIsCountedPerScopeAndSendsTheOtherChannelInsteadOfTheHopelessOne() {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                // an email-only recipient whose email bounced at the address it still has: SMS instead
                .recipient("r1", "r1@example.com", "+15145550001", List.of(), "EMAIL", "FAILED", 1, "r1@example.com")
                // bounced, then fixed: retried by email as without the option
                .recipient("r2", "r2-new@example.com", "+15145550002", List.of(), "EMAIL", "FAILED", 1,
                        "r2@example.com")
                // bounced, no phone: retried by email
                .recipient("r3", "r3@example.com", null, List.of(), "EMAIL", "FAILED", 1, "r3@example.com"));

        JsonNode failedOnly = option(body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY)), 0,
                "FAILED_ONLY");
        assertCounts(failedOnly, 3, 3, 0, true, 0, 0, 2);
        JsonNode fallback = failedOnly.get("fallback");
        assertThat(fallback.get("emails").asInt()).isZero();
        assertThat(fallback.get("sms").asInt()).isEqualTo(1);
        assertThat(fallback.get("enabled").asBoolean()).isTrue();
        assertThat(fallback.get("total").get("recipients").asInt()).isEqualTo(3);
        assertThat(fallback.get("total").get("emails").asInt()).isEqualTo(2);
        assertThat(fallback.get("total").get("sms").asInt()).isEqualTo(1);
        assertThat(fallback.get("total").get("addressUnchanged").asInt()).isEqualTo(1); // r3 only: r1 goes by SMS
        assertThat(fallback.get("total").get("skipped").get("noAddress").asInt()).isZero();

        String key = id();
        JsonNode accepted = body(resend(noticeId, "{\"scope\":\"FAILED_ONLY\",\"fallback\":true}", key, PROPERTY));
        assertThat(accepted.get("emails").asInt()).isEqualTo(2);
        assertThat(accepted.get("sms").asInt()).isEqualTo(1);
        assertThat(accepted.get("fallback").get("sms").asInt()).isEqualTo(1);
        assertThat(accepted.get("fallback").get("emails").asInt()).isZero();
        assertThat(accepted.get("message").asString())
                .isEqualTo("Resending 2 emails and 1 SMS, 1 of them by their other channel.");
        // the same key without the option is another request
        assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", key, PROPERTY), 422, "IDEMPOTENCY_KEY_REUSED");

        List<ResendRequested> chunks = await().atMost(20, SECONDS)
                .until(() -> published(noticeId), c -> !c.isEmpty());
        assertThat(chunks.get(0).targets()).containsExactlyInAnyOrder(
                new Target("r1", Channel.SMS, 2, "+15145550001", true),
                new Target("r2", Channel.EMAIL, 2, "r2-new@example.com", false),
                new Target("r3", Channel.EMAIL, 2, "r3@example.com", false));
        assertThat(chunks.get(0).totals().fallbackSms()).isEqualTo(1);
        Document resend = mongo.findById(chunks.get(0).resendId(), Document.class, "resends");
        assertThat(resend.getBoolean("fallback")).isTrue();

        // r1's SMS is now under way: with the option, neither its email nor a second SMS is offered again; without
        // it, FAILED_ONLY still retries the failed email as the contract's scope table says
        JsonNode after = option(body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY)), 0, "FAILED_ONLY");
        assertThat(after.get("fallback").get("total").get("recipients").asInt()).isZero();
        assertThat(after.get("recipients").asInt()).isEqualTo(1);
        assertThat(after.get("emails").asInt()).isEqualTo(1);
    }

    @Test
    void insideQuietHoursTheDialogAndTheAnswerSayHowManySmsWaitUntilWhenAndTheChunksCarryTheWindow() {
        // quiet hours that hold now whatever the hour the test runs: from one minute ago to in two hours
        java.time.ZoneId zone = java.time.ZoneId.of("America/Montreal");
        java.time.LocalTime local = java.time.LocalTime.now(zone).withNano(0);
        com.propty.events.QuietHours window = new com.propty.events.QuietHours(zone.getId(),
                local.minusMinutes(1).toString(), local.plusHours(2).toString());
        java.time.Instant until = window.holdUntil(java.time.Instant.now());
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                .quietHours(window.timeZone(), window.start(), window.end())
                .recipient("r1", "r1@example.com", "+15145550001", List.of(), "EMAIL", "FAILED", 1, "r1-old@example.com",
                        "SMS", "FAILED", 1, "+15145550009")
                .recipient("r2", "r2@example.com", "+15145550002", List.of(), "EMAIL", "DELIVERED", 1, "r2@example.com",
                        "SMS", "FAILED", 1, "+15145550008"));

        JsonNode options = body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY));
        JsonNode quiet = options.get("quietHours");
        assertThat(java.time.Instant.parse(quiet.get("until").asString())).isEqualTo(until);
        assertThat(quiet.get("timeZone").asString()).isEqualTo("America/Montreal");
        assertThat(option(options, 0, "FAILED_ONLY").get("sms").asInt()).as("the SMS that would wait").isEqualTo(2);

        JsonNode accepted = body(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY));
        assertThat(accepted.get("quietHours").get("sms").asInt()).isEqualTo(2);
        assertThat(java.time.Instant.parse(accepted.get("quietHours").get("until").asString())).isEqualTo(until);
        assertThat(accepted.get("message").asString()).isEqualTo("Resending 1 email and 2 SMS. The 2 SMS wait for the "
                + "end of quiet hours (" + window.end().substring(0, 5) + ", America/Montreal).");
        List<ResendRequested> chunks = await().atMost(20, SECONDS).until(() -> published(noticeId), c -> !c.isEmpty());
        assertThat(chunks.get(0).quietHours()).as("delivery-service holds the SMS").isEqualTo(window);

        // outside quiet hours (or without any): nothing waits, and the dialog says nothing
        String daytime = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                .quietHours(zone.getId(), local.plusHours(2).toString(), local.plusHours(3).toString())
                .recipient("r3", "r3@example.com", "+15145550003", List.of(), "SMS", "FAILED", 1, "+15145550007"));
        assertThat(body(get("/api/notices/" + daytime + "/resend-options", PROPERTY)).get("quietHours").isNull()).isTrue();
        JsonNode now = body(resend(daytime, "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY));
        assertThat(now.get("quietHours").isNull()).isTrue();
        assertThat(now.get("message").asString()).isEqualTo("Resending 1 SMS.");
    }

    @Test
    void aSettledNoticeIsReadOnceThenAskedByVersionAndEveryChangeShowsInTheNextDialog() {
        String noticeId = id();
        newNotice(FakeNoticeService.notice(noticeId, PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "r1@example.com", null, List.of(), "EMAIL", "FAILED", 1, "r1@example.com")
                .recipient("r2", "r2@example.com", null, List.of(), "EMAIL", "DELIVERED", 1, "r2@example.com"));
        int complete = NOTICES.completeAnswers();
        int selectionOnly = NOTICES.selectionAnswers();
        String options = "/api/notices/" + noticeId + "/resend-options";

        JsonNode first = body(get(options, PROPERTY));
        assertCounts(option(first, 0, "FAILED_ONLY"), 1, 1, 0, true, 0, 0, 1);
        JsonNode again = body(get(options + "?selected=r2", PROPERTY));
        assertThat(option(again, 0, "FAILED_ONLY")).isEqualTo(option(first, 0, "FAILED_ONLY"));
        // r2 (delivered) came by id beside the kept failures: a recipient with nothing to resend, not an unknown id
        assertProblem(resend(noticeId, "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r2\"]}", null, PROPERTY), 409,
                "NO_FAILED_RECIPIENTS");
        assertThat(NOTICES.completeAnswers() - complete).as("the failures are read once").isEqualTo(1);
        assertThat(NOTICES.selectionAnswers() - selectionOnly).as("then asked by version").isEqualTo(2);

        // the manager fixes r1's address: notice-service's version moves, and the next dialog reads it whole
        newNotice(FakeNoticeService.notice(noticeId, PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "fixed@example.com", null, List.of(), "EMAIL", "FAILED", 1, "r1@example.com")
                .recipient("r2", "r2@example.com", null, List.of(), "EMAIL", "DELIVERED", 1, "r2@example.com"));
        assertCounts(option(body(get(options, PROPERTY)), 0, "FAILED_ONLY"), 1, 1, 0, true, 0, 0, 0);
        assertThat(NOTICES.completeAnswers() - complete).isEqualTo(2);

        // a resend claims r1's email: the notice's version stands (notice-service has not projected it yet), the
        // claims' moved, so the kept failures are joined with the claims read again
        assertThat(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY).statusCode()).isEqualTo(202);
        JsonNode claimed = body(get(options, PROPERTY));
        assertThat(claimed.get("resendable").asBoolean()).as(claimed.toString()).isFalse();
        assertThat(NOTICES.completeAnswers() - complete).as("the notice was not read again").isEqualTo(2);
        assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY), 409, "NO_FAILED_RECIPIENTS");
    }

    @Test
    void aKeptClaimThatWasNeverPublishedIsGivenBackWhenItTimesOutThoughNothingWasWritten() {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "r1@example.com", null, List.of(), "EMAIL", "FAILED", 1, "r1@example.com"));
        // a resend claimed r1's email and crashed before publishing it; the claim times out (2 min) in 3 s
        mongo.insert(new Document("_id", noticeId + ":r1:EMAIL:2").append("noticeId", noticeId)
                .append("recipientId", "r1").append("channel", "EMAIL").append("attempt", 2)
                .append("resendId", "crashed").append("state", "CLAIMED").append("published", false)
                .append("claimedAt", Date.from(Instant.now().minus(Duration.ofMinutes(2)).plusSeconds(3)))
                .append("address", "r1@example.com"), "claims");
        String options = "/api/notices/" + noticeId + "/resend-options";
        assertThat(body(get(options, PROPERTY)).get("resendable").asBoolean()).as("in flight").isFalse();
        int complete = NOTICES.completeAnswers();

        await().atMost(20, SECONDS).until(() -> body(get(options, PROPERTY)).get("resendable").asBoolean());
        assertCounts(option(body(get(options, PROPERTY)), 0, "FAILED_ONLY"), 1, 1, 0, true, 0, 0, 1);
        assertThat(NOTICES.completeAnswers()).as("notice-service's part was kept").isEqualTo(complete);
    }

    @Test
    void largeResendsArePublishedInChunksOfAtMostTheChunkSize() {
        FakeNoticeService.NoticeBuilder notice = FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED");
        for (int i = 0; i < 260; i++) {
            String r = String.format("r%03d", i);
            notice.recipient(r, r + "@example.com", "+1514555" + String.format("%04d", i), List.of(),
                    "EMAIL", "FAILED", 1, r + "@example.com", "SMS", "FAILED", 1, "+1514555" + String.format("%04d", i));
        }
        String noticeId = newNotice(notice);
        HttpResponse<String> response = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(body(response).get("message").asString()).isEqualTo("Resending 260 emails and 260 SMS.");
        List<ResendRequested> chunks = await().atMost(20, SECONDS).until(() -> published(noticeId), c -> c.size() == 2);
        assertThat(chunks).extracting(ResendRequested::chunkIndex).containsExactlyInAnyOrder(0, 1);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.chunkCount()).isEqualTo(2);
            assertThat(c.targets().size()).isLessThanOrEqualTo(Topics.CHUNK_SIZE);
            assertThat(c.totals().email()).isEqualTo(260);
            assertThat(c.recipients()).isEqualTo(260);
        });
        assertThat(chunks.stream().mapToInt(c -> c.targets().size()).sum()).isEqualTo(520);
    }

    // ---------------------------------------------------------------- errors and their order

    @Test
    void hostileBodiesAreRefusedByFieldAndStartNothing() {
        String sent = newNotice(FakeNoticeService.notice(id(), PROPERTY, "SENT")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 1, "a@example.com"));
        for (String body : List.of("{\"scope\":{\"$ne\":\"\"}}", "{\"scope\":1}",
                "{\"scope\":\"SELECTED\",\"recipientIds\":[{\"$gt\":\"\"}]}",
                "{\"scope\":\"SELECTED\",\"recipientIds\":\"r1\"}",
                "{\"scope\":\"FAILED_ONLY\",\"resendId\":\"mine\"}",
                "{\"scope\":\"FAILED_ONLY\",\"fallback\":\"maybe\"}", "{\"scope\":\"FAILED_ONLY\",\"fallback\":1}",
                "{\"scope\":\"FAILED_ONLY\",\"fallback\":[true]}")) {
            HttpResponse<String> response = resend(sent, body, null, PROPERTY);
            assertProblem(response, 400, "VALIDATION_FAILED");
            assertThat(body(response).get("errors").get(0).get("field").asString()).as(body)
                    .isIn("scope", "recipientIds", "recipientIds[0]", "resendId", "fallback");
        }
        String tooMany = java.util.stream.IntStream.range(0, 50_001).mapToObj(i -> "\"r" + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{\"scope\":\"SELECTED\",\"recipientIds\":[", "]}"));
        assertProblem(resend(sent, tooMany, null, PROPERTY), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/notices/" + sent + "/resend-options?selected=%ff", PROPERTY), 400, "INVALID_REQUEST");
        assertThat(published(sent)).isEmpty();
    }


    @Test
    void everyErrorCodeInTheContractsOrder() {
        String sent = newNotice(FakeNoticeService.notice(id(), PROPERTY, "SENT")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 1, "a@example.com")
                .recipient("r2", "b@example.com", null, List.of(), "EMAIL", "DELIVERED", 1, "b@example.com"));
        String draft = newNotice(FakeNoticeService.notice(id(), PROPERTY, "DRAFT")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "PENDING", 1, "a@example.com"));
        String scheduled = newNotice(FakeNoticeService.notice(id(), PROPERTY, "SCHEDULED")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "PENDING", 1, "a@example.com"));
        String sending = newNotice(FakeNoticeService.notice(id(), PROPERTY, "SENDING")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 1, "a@example.com"));
        String elsewhere = newNotice(FakeNoticeService.notice(id(), "prop-other", "SENT")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 1, "a@example.com"));

        // 401 without the gateway's identity headers
        assertThat(calls().send("POST", "/api/notices/" + sent + "/resends", null, "{\"scope\":\"FAILED_ONLY\"}")
                .statusCode()).isEqualTo(401);
        // 404 before the shape of the request: missing notice, or a notice of another property
        assertProblem(resend("missing-" + id(), "{\"scope\":\"NOPE\"}", null, PROPERTY), 404, "NOT_FOUND");
        assertProblem(resend(elsewhere, "{\"scope\":\"NOPE\"}", null, PROPERTY), 404, "NOT_FOUND");
        assertProblem(get("/api/notices/" + elsewhere + "/resend-options", PROPERTY), 404, "NOT_FOUND");
        // 400 shape before 409 state
        assertProblem(resend(draft, "{\"scope\":\"NOPE\"}", null, PROPERTY), 400, "VALIDATION_FAILED");
        assertProblem(resend(draft, "{}", null, PROPERTY), 400, "VALIDATION_FAILED");
        assertProblem(resend(draft, "{\"scope\":\"FAILED_ONLY\",\"recipientIds\":[\"r1\"]}", null, PROPERTY), 400,
                "VALIDATION_FAILED");
        assertProblem(resend(draft, "{\"scope\":\"SELECTED\"}", null, PROPERTY), 400, "NO_RECIPIENTS_SELECTED");
        assertProblem(resend(draft, "{\"scope\":\"SELECTED\",\"recipientIds\":[]}", null, PROPERTY), 400,
                "NO_RECIPIENTS_SELECTED");
        assertProblem(resend(sent, "{\"scope\":", null, PROPERTY), 400, "MALFORMED_REQUEST");
        // 409 state before 400 membership
        for (String notYetSent : List.of(draft, scheduled, sending)) {
            assertProblem(resend(notYetSent, "{\"scope\":\"SELECTED\",\"recipientIds\":[\"nobody\"]}", null, PROPERTY),
                    409, "NOTICE_NOT_RESENDABLE");
            assertProblem(resend(notYetSent, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY), 409,
                    "NOTICE_NOT_RESENDABLE");
        }
        // 400 membership before 409 nothing to resend
        HttpResponse<String> notRecipients = resend(sent, "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r2\",\"nobody\"]}",
                null, PROPERTY);
        assertProblem(notRecipients, 400, "VALIDATION_FAILED");
        assertThat(body(notRecipients).get("errors").get(0).get("field").asString()).isEqualTo("recipientIds");
        assertProblem(resend(sent, "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r2\"]}", null, PROPERTY), 409,
                "NO_FAILED_RECIPIENTS");
        assertThat(published(sent)).isEmpty();

        // Options of a notice that cannot be resent: 200, everything disabled and zero.
        JsonNode options = body(get("/api/notices/" + sending + "/resend-options?selected=r1", PROPERTY));
        assertThat(options.get("resendable").asBoolean()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertCounts(options.get("options").get(i), 0, 0, 0, false, 0, 0, 0);
        }
        // SELECTED is disabled with no selection, or with only unknown ids.
        JsonNode noSelection = body(get("/api/notices/" + sent + "/resend-options?selected=nobody", PROPERTY));
        assertCounts(option(noSelection, 0, "FAILED_ONLY"), 1, 1, 0, true, 0, 0, 1);
        assertCounts(option(noSelection, 2, "SELECTED"), 0, 0, 0, false, 0, 0, 0);
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void fiftyConcurrentIdenticalRequestsWithOneKeyResendOnceAndAllGetTheSameAnswer() throws Exception {
        String noticeId = newNotice(failedNotice(10));
        String key = "dialog-" + id();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // the same request with ids in another order is the same request
                String body = i % 2 == 0 ? "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r1\",\"r2\"]}"
                        : "{\"recipientIds\":[\"r2\",\"r1\",\"r2\"],\"scope\":\"SELECTED\"}";
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return resend(noticeId, body, key, PROPERTY);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                bodies.add(response.body());
            }
            assertThat(bodies).hasSize(1);
            String resendId = json.readTree(bodies.iterator().next()).get("resendId").asString();
            // Another request with the same key (and other ids) is refused; without the key it is a new request.
            assertProblem(resend(noticeId, "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r3\"]}", key, PROPERTY), 422,
                    "IDEMPOTENCY_KEY_REUSED");
            assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", key, PROPERTY), 422, "IDEMPOTENCY_KEY_REUSED");
            // The key is scoped to the user: another manager's same key is another request.
            HttpResponse<String> otherUser = send("POST", "/api/notices/" + noticeId + "/resends",
                    "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r3\"]}", key, PROPERTY, "manager-2");
            assertThat(otherUser.statusCode()).isEqualTo(202);

            await().atMost(20, SECONDS).until(() -> published(noticeId).size() == 2);
            List<ResendRequested> chunks = published(noticeId);
            assertThat(chunks.stream().filter(c -> c.resendId().equals(resendId)).count()).isEqualTo(1);
            assertThat(chunks.stream().map(ResendRequested::resendId).distinct().count()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResendRepeatedOnAnotherInstanceGetsTheFirstAnswerAndResendsOnce(
            @org.springframework.beans.factory.annotation.Value("${spring.mongodb.uri}") String mongoUri,
            @org.springframework.beans.factory.annotation.Value("${spring.mongodb.database}") String database)
            throws Exception {
        String noticeId = newNotice(failedNotice(4));
        String key = "dialog-" + id();
        String body = "{\"scope\":\"FAILED_ONLY\"}";
        // a second instance of resend-service (issue 12): its own JVM state, this one's store and broker
        try (org.springframework.context.ConfigurableApplicationContext second =
                new org.springframework.boot.builder.SpringApplicationBuilder(
                        com.propty.resend.ResendServiceApplication.class).profiles("local").run(
                        // arguments, so that they win over application.yml as this class's dynamic properties do
                        "--server.port=0", "--spring.mongodb.uri=" + mongoUri, "--spring.mongodb.database=" + database,
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                        "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafka().bootstrapServers(),
                        "--resend.notice-service.url=" + NOTICES.url(),
                        "--propty.rate-limits.actions.resend.limit=" + resendLimit,
                        // its HTTP side is what is tested: its consumer must not take this class's partitions away
                        "--spring.cloud.stream.bindings.deliveryResults-in-0.consumer.auto-startup=false")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            DirectCalls other = new DirectCalls(secondPort);
            String token = token("manager-1", PROPERTY);

            HttpResponse<String> first = resend(noticeId, body, key, PROPERTY);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            HttpResponse<String> repeated = other.send("POST", "/api/notices/" + noticeId + "/resends", token, body,
                    "Idempotency-Key", key);
            assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
            assertThat(repeated.body()).as("the first instance's answer").isEqualTo(first.body());
            assertProblem(other.send("POST", "/api/notices/" + noticeId + "/resends", token,
                    "{\"scope\":\"ALL_UNDELIVERED\"}", "Idempotency-Key", key), 422, "IDEMPOTENCY_KEY_REUSED");

            String resendId = json.readTree(first.body()).get("resendId").asString();
            await().atMost(20, SECONDS).until(() -> !published(noticeId).isEmpty());
            assertThat(published(noticeId)).extracting(ResendRequested::resendId).containsOnly(resendId);
        }
    }

    // ---------------------------------------------------------------- claims

    @Test
    void concurrentDifferentResendsNeverClaimOneChannelTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 4; round++) {
                String noticeId = newNotice(failedNotice(30));
                List<String> bodies = List.of("{\"scope\":\"FAILED_ONLY\"}", "{\"scope\":\"ALL_UNDELIVERED\"}",
                        "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r1\",\"r2\",\"r3\",\"r4\"]}",
                        "{\"scope\":\"FAILED_ONLY\"}", "{\"scope\":\"SELECTED\",\"recipientIds\":[\"r5\",\"r1\"]}",
                        "{\"scope\":\"ALL_UNDELIVERED\"}");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String body : bodies) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return resend(noticeId, body, null, PROPERTY);
                    }));
                }
                start.countDown();
                int sentTargets = 0;
                int accepted = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, SECONDS);
                    if (response.statusCode() == 202) {
                        accepted++;
                        JsonNode b = body(response);
                        sentTargets += b.get("emails").asInt() + b.get("sms").asInt();
                    } else {
                        assertProblem(response, 409, "NO_FAILED_RECIPIENTS");
                    }
                }
                assertThat(accepted).isPositive();
                int expected = sentTargets;
                List<Target> targets = await().atMost(20, SECONDS).until(
                        () -> published(noticeId).stream().flatMap(c -> c.targets().stream()).toList(),
                        t -> t.size() == expected);
                Set<String> channels = targets.stream().map(t -> t.recipientId() + ":" + t.channel())
                        .collect(Collectors.toSet());
                assertThat(channels).as("each channel resent once").hasSize(targets.size());
                assertThat(channels).hasSize(60); // every failure resent by exactly one of them
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResultForTheClaimedAttemptReleasesTheClaim() throws Exception {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "a@example.com", "+15145550001", List.of(),
                        "EMAIL", "FAILED", 1, "a@example.com", "SMS", "FAILED", 1, "+15145550001"));
        String first = body(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY)).get("resendId").asString();
        assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY), 409, "NO_FAILED_RECIPIENTS");

        String emailClaim = noticeId + ":r1:EMAIL:2";
        String smsClaim = noticeId + ":r1:SMS:2";
        try (KafkaProducer<String, String> producer = producer()) {
            // Same key, so in this order: a late result of the first dispatch (attempt 1), which does not
            // answer attempt 2, then the SMS's answer for attempt 2.
            produce(producer, DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 1, "dispatch-1", DeliveryStatus.FAILED,
                    ErrorCode.BOUNCED, "550", "bounced", "sendgrid", "m1", "a@example.com"));
            produce(producer, DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.SMS, 2, first, DeliveryStatus.DELIVERED,
                    null, null, null, "twilio", "SM1", "+15145550001"));
            await().atMost(20, SECONDS).until(() -> "RELEASED".equals(
                    mongo.findById(smsClaim, Document.class, "claims").getString("state")));
            assertThat(mongo.findById(emailClaim, Document.class, "claims").getString("state")).isEqualTo("CLAIMED");
            // notice-service still shows attempt 1 FAILED for both (it lags): the SMS was delivered by
            // attempt 2 and the email is still claimed, so there is nothing to resend.
            assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY), 409,
                    "NO_FAILED_RECIPIENTS");

            produce(producer, DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 2, first, DeliveryStatus.SENT,
                    null, null, null, "sendgrid", "m2", "a@example.com"));
            // the bounce came 20 minutes ago, so the channel's cooldown (15 minutes) is over
            produce(producer, ago(Duration.ofMinutes(20), DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 2, first,
                    DeliveryStatus.FAILED, ErrorCode.BOUNCED, "550", "bounced", "sendgrid", "m2", "a@example.com")));
            produce(producer, DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 2, first, DeliveryStatus.SENT,
                    null, null, null, "sendgrid", "m2", "a@example.com")); // late duplicate: changes nothing
        }
        await().atMost(20, SECONDS).until(() -> {
            Document claim = mongo.findById(emailClaim, Document.class, "claims");
            return "RELEASED".equals(claim.getString("state")) && claim.get("last", Document.class) != null
                    && "FAILED".equals(claim.get("last", Document.class).getString("status"));
        });
        HttpResponse<String> again = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        String second = body(again).get("resendId").asString();
        List<ResendRequested> chunks = await().atMost(20, SECONDS).until(() -> published(noticeId), c -> c.size() == 2);
        assertThat(chunks.stream().filter(c -> c.resendId().equals(second)).findFirst().orElseThrow().targets())
                .containsExactly(new Target("r1", Channel.EMAIL, 3, "a@example.com"));
        Document claim = mongo.findById(noticeId + ":r1:EMAIL:3", Document.class, "claims");
        assertThat(claim.getInteger("attempt")).isEqualTo(3);
        assertThat(claim.getString("state")).isEqualTo("CLAIMED");
        assertThat(claim.getBoolean("published")).isTrue();
        assertThat(mongo.findById(emailClaim, Document.class, "claims").getString("state"))
                .as("the answered attempt's claim stays as it was").isEqualTo("RELEASED");
    }

    @Test
    void twoResendsThatSawTheSameAnsweredClaimReClaimItOnlyOnce() {
        String noticeId = id();
        ChannelKey email = new ChannelKey("r1", Channel.EMAIL);
        List<Target> attempt2 = List.of(new Target("r1", Channel.EMAIL, 2, "a@example.com"));
        assertThat(claims.claim(noticeId, "resend-1", attempt2)).isEqualTo(attempt2);
        assertThat(claims.claim(noticeId, "resend-2", attempt2)).as("already claimed").isEmpty();
        claims.published(noticeId, attempt2);
        assertThat(claims.of(noticeId, Map.of(email, 1)).get(email)).isEqualTo(new Claim(2, true, null));
        claims.record(List.of(DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 2, "resend-1", DeliveryStatus.FAILED,
                ErrorCode.BOUNCED, null, null, "sendgrid", "m", "a@example.com")));

        Map<ChannelKey, Claim> seen = claims.of(noticeId, Map.of(email, 1));
        assertThat(seen.get(email).inFlight()).isFalse();
        assertThat(seen.get(email).last().status()).isEqualTo(DeliveryStatus.FAILED);
        List<Target> attempt3 = List.of(new Target("r1", Channel.EMAIL, 3, "a@example.com"));
        assertThat(claims.claim(noticeId, "resend-3", attempt3)).isEqualTo(attempt3);
        assertThat(claims.claim(noticeId, "resend-4", attempt3)).as("re-claimed by resend-3").isEmpty();
        assertThat(claims.of(noticeId, Map.of(email, 1)).get(email)).as("the latest claim, though notice-service lags")
                .isEqualTo(new Claim(3, true, null));
        assertThat(claims.of(noticeId, Map.of(email, 2)).get(email)).isEqualTo(new Claim(3, true, null));
        // a late duplicate of attempt 2's result leaves attempt 3's claim alone
        claims.record(List.of(DeliveryResult.of(PROPERTY, noticeId, "r1", Channel.EMAIL, 2, "resend-1", DeliveryStatus.FAILED,
                ErrorCode.BOUNCED, null, null, "sendgrid", "m", "a@example.com")));
        assertThat(claims.of(noticeId, Map.of(email, 2)).get(email).inFlight()).isTrue();
    }

    // ---------------------------------------------------------------- abuse limits per recipient and channel

    @Test
    void aChannelResentMomentsAgoIsCoolingDownInTheDialogAndTheResendUnlessItsAddressChanged() throws Exception {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 1, "a@example.com")
                .recipient("r2", "b@example.com", null, List.of(), "EMAIL", "FAILED", 1, "b@example.com"));
        String first = body(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY)).get("resendId").asString();
        try (KafkaProducer<String, String> producer = producer()) {
            for (String r : List.of("r1", "r2")) {
                produce(producer, DeliveryResult.of(PROPERTY, noticeId, r, Channel.EMAIL, 2, first, DeliveryStatus.FAILED,
                        ErrorCode.BOUNCED, "550", "bounced", "sendgrid", "m-" + r, r.equals("r1") ? "a@example.com"
                                : "b@example.com"));
            }
        }
        await().atMost(20, SECONDS).until(() -> List.of("r1", "r2").stream().allMatch(r -> "RELEASED".equals(
                mongo.findById(noticeId + ":" + r + ":EMAIL:2", Document.class, "claims").getString("state"))));

        JsonNode failedOnly = option(body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY)), 0,
                "FAILED_ONLY");
        assertThat(failedOnly.get("emails").asInt()).isZero();
        assertThat(failedOnly.get("enabled").asBoolean()).isFalse();
        assertThat(failedOnly.get("skipped").get("coolingDown").asInt()).isEqualTo(2);
        assertThat(failedOnly.get("skipped").get("resendLimit").asInt()).isZero();
        java.time.Instant eligible = java.time.Instant.parse(failedOnly.get("nextEligibleAt").asString());
        assertThat(eligible).isBetween(java.time.Instant.now().plus(Duration.ofMinutes(14)),
                java.time.Instant.now().plus(Duration.ofMinutes(15)));
        HttpResponse<String> refused = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY);
        assertProblem(refused, 409, "NO_FAILED_RECIPIENTS");
        assertThat(body(refused).get("detail").asString()).contains("2 channels were resent recently");

        // the manager fixes r2's address: r2 may be resent at once, r1 still waits
        NOTICES.put(FakeNoticeService.notice(noticeId, PROPERTY, "PARTIALLY_FAILED")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "FAILED", 2, "a@example.com")
                .recipient("r2", "fixed@example.com", null, List.of(), "EMAIL", "FAILED", 2, "b@example.com"));
        HttpResponse<String> accepted = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(body(accepted).get("emails").asInt()).isEqualTo(1);
        assertThat(body(accepted).get("skipped").get("coolingDown").asInt()).isEqualTo(1);
        String second = body(accepted).get("resendId").asString();
        List<ResendRequested> chunks = await().atMost(20, SECONDS).until(() -> published(noticeId), c -> c.size() == 2);
        assertThat(chunks.stream().filter(c -> c.resendId().equals(second)).findFirst().orElseThrow().targets())
                .containsExactly(new Target("r2", Channel.EMAIL, 3, "fixed@example.com"));
    }

    @Test
    void aUserWhoResendsTooOftenGets429WithRetryAfterWhileOthersAreNotLimited() {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "SENT")
                .recipient("r1", "a@example.com", null, List.of(), "EMAIL", "DELIVERED", 1, "a@example.com"));
        String user = "spammer-" + id();
        // the limit's windows are whole minutes: start early in one, so that all the requests fall in the same window
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> java.time.Instant.now().getEpochSecond() % 60 < 30);
        HttpResponse<String> first = send("POST", "/api/notices/" + noticeId + "/resends",
                "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY, user);
        // refused resends count too: the limit is on attempts
        assertProblem(first, 409, "NO_FAILED_RECIPIENTS");
        for (int i = 1; i < resendLimit; i++) {
            assertProblem(send("POST", "/api/notices/" + noticeId + "/resends", "{\"scope\":\"FAILED_ONLY\"}", id(),
                    PROPERTY, user), 409, "NO_FAILED_RECIPIENTS");
        }
        HttpResponse<String> refused = send("POST", "/api/notices/" + noticeId + "/resends",
                "{\"scope\":\"FAILED_ONLY\"}", id(), PROPERTY, user);
        assertProblem(refused, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertProblem(send("POST", "/api/notices/" + noticeId + "/resends", "{\"scope\":\"FAILED_ONLY\"}", id(),
                PROPERTY, "another-" + user), 409, "NO_FAILED_RECIPIENTS");
    }

    @Test
    void aChannelResentThreeTimesIsNotResentAgain() {
        String noticeId = newNotice(FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED")
                // the dispatch and three resends failed, the last one long ago; the address even changed since
                .recipient("r1", "new@example.com", "+15145550001", List.of(),
                        "EMAIL", "FAILED", 4, "a@example.com", "SMS", "FAILED", 1, "+15145550001"));
        JsonNode failedOnly = option(body(get("/api/notices/" + noticeId + "/resend-options", PROPERTY)), 0,
                "FAILED_ONLY");
        assertThat(failedOnly.get("skipped").get("resendLimit").asInt()).isEqualTo(1);
        assertThat(failedOnly.get("emails").asInt()).isZero();
        assertThat(failedOnly.get("sms").asInt()).isEqualTo(1);
        HttpResponse<String> accepted = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(body(accepted).get("emails").asInt()).isZero();
        assertThat(body(accepted).get("sms").asInt()).isEqualTo(1);
        assertThat(body(accepted).get("skipped").get("resendLimit").asInt()).isEqualTo(1);
    }

    @Test
    void anUnreadableOrIncompleteDeliveryResultGoesToTheDeadLetterTopic() throws Exception {
        String marker = "poison-" + id();
        String incomplete = "incomplete-" + id();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.DELIVERY_RESULTS, "k", "{not json " + marker)).get();
            // JSON, but no recipient, channel or status: the events module's reading refuses it, it is not retried
            producer.send(new ProducerRecord<>(Topics.DELIVERY_RESULTS, "k",
                    "{\"noticeId\":\"" + incomplete + "\"}")).get();
        }
        await().atMost(30, SECONDS).until(() -> published.records().stream()
                .anyMatch(r -> r.topic().equals(DLQ) && r.value().contains(marker)));
        await().atMost(30, SECONDS).until(() -> published.records().stream()
                .anyMatch(r -> r.topic().equals(DLQ) && r.value().contains(incomplete)));
    }

    // ---------------------------------------------------------------- notice-service outages

    @Test
    void noticeServiceDownMeans503AndNoClaimLeftBehind() {
        String noticeId = newNotice(failedNotice(3));
        String key = "k-" + id();
        NOTICES.failing(true);
        try {
            assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", key, PROPERTY), 503,
                    "NOTICE_SERVICE_UNAVAILABLE");
            assertProblem(get("/api/notices/" + noticeId + "/resend-options", PROPERTY), 503,
                    "NOTICE_SERVICE_UNAVAILABLE");
        } finally {
            NOTICES.failing(false);
        }
        assertThat(mongo.count(Query.query(Criteria.where("noticeId").is(noticeId)), "claims")).isZero();
        // Only 202 answers are remembered: the same key works once notice-service is back.
        HttpResponse<String> retried = resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", key, PROPERTY);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(body(retried).get("message").asString()).isEqualTo("Resending 3 emails and 3 SMS.");
    }

    @Test
    void noticeServiceStoppedMeans503() {
        String noticeId = newNotice(failedNotice(1));
        NOTICES.stop();
        try {
            assertProblem(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY), 503,
                    "NOTICE_SERVICE_UNAVAILABLE");
        } finally {
            NOTICES.start();
        }
        assertThat(mongo.count(Query.query(Criteria.where("noticeId").is(noticeId)), "claims")).isZero();
        assertThat(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY).statusCode()).isEqualTo(202);
    }

    // ---------------------------------------------------------------- audit trail

    @Test
    void anAcceptedResendIsOneOutboxEntryThatTheRelayPublishesAndARefusedOneIsNone() {
        String noticeId = newNotice(failedNotice(2));
        HttpResponse<String> response = send("POST", "/api/notices/" + noticeId + "/resends",
                "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY);
        assertThat(response.statusCode()).isEqualTo(202);
        String resendId = body(response).get("resendId").asString();
        assertThat(resend(noticeId, "{\"scope\":\"FAILED_ONLY\"}", null, PROPERTY).statusCode())
                .as("nothing left: refused").isEqualTo(409);

        List<Document> outbox = mongo.find(Query.query(Criteria.where("key").is(PROPERTY)), Document.class,
                "audit_outbox").stream().filter(d -> d.getString("event").contains(noticeId)).toList();
        assertThat(outbox).hasSize(1);
        await().atMost(20, SECONDS).untilAsserted(() -> assertThat(published.records().stream()
                .filter(r -> r.topic().equals(Topics.AUDIT_EVENTS) && r.value().contains(noticeId)).toList())
                .singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo(PROPERTY);
                    com.propty.events.AuditRecorded entry = json.readValue(r.value(),
                            com.propty.events.AuditRecorded.class);
                    assertThat(entry.entryId()).isEqualTo(outbox.get(0).getString("_id"));
                    assertThat(entry.action()).isEqualTo(com.propty.events.AuditAction.RESEND_REQUESTED);
                    assertThat(entry.target()).isEqualTo(new com.propty.events.AuditRecorded.AuditTarget("resend",
                            resendId));
                    assertThat(entry.requestId()).isNotBlank();
                    assertThat(entry.details()).containsEntry("scope", "FAILED_ONLY").containsEntry("type", "FULL")
                            .containsEntry("emails", "2").containsEntry("sms", "2").containsEntry("recipients", "2");
                }));
        await().atMost(10, SECONDS).until(() -> mongo.findById(outbox.get(0).getString("_id"), Document.class,
                "audit_outbox").getBoolean("published"));
    }

    // ---------------------------------------------------------------- helpers

    static String id() {
        return UUID.randomUUID().toString();
    }

    static FakeNoticeService.NoticeBuilder failedNotice(int recipients) {
        FakeNoticeService.NoticeBuilder notice = FakeNoticeService.notice(id(), PROPERTY, "PARTIALLY_FAILED");
        for (int i = 1; i <= recipients; i++) {
            String phone = "+1514555" + String.format("%04d", i);
            notice.recipient("r" + i, "r" + i + "@example.com", phone, List.of(),
                    "EMAIL", "FAILED", 1, "r" + i + "@example.com", "SMS", "FAILED", 1, phone);
        }
        return notice;
    }

    static String newNotice(FakeNoticeService.NoticeBuilder notice) {
        NOTICES.put(notice);
        return notice.id;
    }

    List<ResendRequested> published(String noticeId) {
        return published.records().stream().filter(r -> r.topic().equals(Topics.RESEND_REQUESTED))
                .map(r -> json.readValue(r.value(), ResendRequested.class))
                .filter(e -> e.noticeId().equals(noticeId)).toList();
    }

    static KafkaProducer<String, String> producer() {
        return TopicReader.producer(TestInfrastructure.kafka().bootstrapServers());
    }

    void produce(KafkaProducer<String, String> producer, DeliveryResult result) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DELIVERY_RESULTS, Topics.noticeKey(result.noticeId()), json.writeValueAsString(result))).get();
    }

    /** The same result as if it had happened {@code before} ago. */
    static DeliveryResult ago(Duration before, DeliveryResult r) {
        return new DeliveryResult(r.eventId(), r.type(), r.version(), java.time.Instant.now().minus(before),
                r.propertyId(), r.noticeId(), r.recipientId(), r.channel(), r.attempt(), r.attemptId(), r.status(),
                r.errorCode(), r.providerCode(), r.errorMessage(), r.provider(), r.providerMessageId(), r.address());
    }

    static JsonNode option(JsonNode options, int index, String scope) {
        JsonNode option = options.get("options").get(index);
        assertThat(option.get("scope").asString()).isEqualTo(scope);
        return option;
    }

    static void assertCounts(JsonNode option, int recipients, int emails, int sms, boolean enabled, int noAddress,
            int optedOut, int addressUnchanged) {
        assertThat(Map.of("recipients", option.get("recipients").asInt(), "emails", option.get("emails").asInt(),
                "sms", option.get("sms").asInt(), "enabled", option.get("enabled").asBoolean(),
                "noAddress", option.get("skipped").get("noAddress").asInt(),
                "optedOut", option.get("skipped").get("optedOut").asInt(),
                "addressUnchanged", option.get("addressUnchanged").asInt()))
                .as(option.toString())
                .isEqualTo(Map.of("recipients", recipients, "emails", emails, "sms", sms, "enabled", enabled,
                        "noAddress", noAddress, "optedOut", optedOut, "addressUnchanged", addressUnchanged));
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    DirectCalls calls() {
        return new DirectCalls(port);
    }

    HttpResponse<String> get(String path, String properties) {
        return send("GET", path, null, null, properties);
    }

    HttpResponse<String> resend(String noticeId, String body, String key, String properties) {
        return send("POST", "/api/notices/" + noticeId + "/resends", body, key, properties);
    }

    HttpResponse<String> send(String method, String path, String body, String key, String properties) {
        return send(method, path, body, key, properties, "manager-1");
    }

    HttpResponse<String> send(String method, String path, String body, String key, String properties, String user) {
        String token = token(user, properties);
        return key == null ? calls().send(method, path, token, body)
                : calls().send(method, path, token, body, "Idempotency-Key", key);
    }

    /** What the gateway forwards for this manager of {@code properties} (comma-separated) and prop-9. */
    static String token(String user, String properties) {
        return InternalTokens.forCaller(user, "Marie Manager", List.of("PROPERTY_MANAGER"),
                List.of((properties + ",prop-9").split(",")));
    }
}
