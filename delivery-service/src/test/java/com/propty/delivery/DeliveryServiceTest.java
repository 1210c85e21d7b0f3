package com.propty.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.delivery.dispatch.DeferredSends;
import com.propty.delivery.dispatch.Dispatching;
import com.propty.delivery.dispatch.ParkedBatch;
import com.propty.delivery.dispatch.Send;
import com.propty.delivery.dispatch.SendLedger;
import com.propty.delivery.dispatch.SendRequest;
import com.propty.events.Channel;
import com.propty.events.ChannelTotals;
import com.propty.events.Content;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.NoticeDispatchRequested;
import com.propty.events.QuietHours;
import com.propty.events.Requester;
import com.propty.events.ResendRequested;
import com.propty.events.ResendScope;
import com.propty.events.Target;
import com.propty.events.Topics;
import com.propty.simulator.Provider;
import com.propty.simulator.ProviderSimulator;
import com.propty.simulator.SimulatorSettings;
import com.propty.simulator.Traffic;
import com.propty.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service end to end with a real Kafka broker, the MongoDB-wire server and the real provider simulator
 * (its webhooks come back to this service's random port). Each test uses its own notice and addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "delivery.resilience.backoff.initial=PT0.2S", "delivery.resilience.backoff.max=PT1S",
        "delivery.retry-poll-interval=PT0.2S", "delivery.resilience.sendgrid.wait-in-open-state=PT1S",
        "delivery.resilience.twilio.wait-in-open-state=PT1S"})
@ActiveProfiles("local")
// closed after the class, not by a JVM shutdown hook racing the shared broker's own hook (the fork then hangs 30 s)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeliveryServiceTest {

    static final String SIGNING_KEY = SimulatorSettings.LOCAL_SIGNING_KEY;
    static final ProviderSimulator simulator = ProviderSimulator.start(SimulatorSettings.defaults().withWebhookDelayMillis(50));
    static final HttpClient http = HttpClient.newHttpClient();
    static ResultCollector results;
    static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("sendgrid.host", () -> "localhost:" + simulator.port());
        registry.add("twilio.api-base-url", simulator::baseUrl);
        // Twilio's StatusCallback must reach this very server, whose port is only known once it runs
        registry.add("delivery.public-base-url", () -> "http://localhost:${local.server.port}");
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    DeferredSends deferred;
    @Autowired
    SendLedger ledger;
    @Autowired
    Dispatching dispatching;

    @BeforeEach
    void connect() {
        simulator.useSendGridWebhookUrl("http://localhost:" + port + "/webhooks/sendgrid/events");
        synchronized (DeliveryServiceTest.class) {
            if (results == null) {
                String kafka = TestInfrastructure.kafka().bootstrapServers();
                results = new ResultCollector(kafka, json);
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (results != null) {
            results.close();
            producer.close();
        }
        simulator.close();
    }

    @Test
    void twelveHundredEmailsGoOutInTwoSendGridCallsAndAreSentThenDelivered() {
        String notice = newId();
        List<Target> targets = emails(notice, 1_200, i -> "@example.com");

        dispatch(notice, targets);

        // a webhook's DELIVERED can reach Kafka before the SENT of the same send (two producers): wait for both
        await().atMost(Duration.ofSeconds(60)).until(() -> count(notice, DeliveryStatus.DELIVERED) == 1_200
                && count(notice, DeliveryStatus.SENT) >= 1_200);
        assertThat(count(notice, DeliveryStatus.SENT)).isEqualTo(1_200);
        assertThat(sendGridCallsFor(notice)).isEqualTo(2);
        DeliveryResult sent = results.of(notice).stream().filter(r -> r.status() == DeliveryStatus.SENT).findFirst().orElseThrow();
        assertThat(sent.provider()).isEqualTo("sendgrid");
        assertThat(sent.providerMessageId()).isNotBlank();
        assertThat(sent.address()).endsWith("@example.com");
        assertThat(results.recordsOf(notice)).allMatch(r -> r.key().equals(Topics.noticeKey(notice)));
    }

    @Test
    void invalidAddressesInABatchFailAndTheOthersAreSentAgainAtOnce() {
        String notice = newId();
        List<Target> targets = emails(notice, 1_000, i -> i == 10 || i == 500 || i == 999 ? "@invalid.example" : "@example.com");

        dispatch(notice, targets);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(notice, DeliveryStatus.SENT) == 997
                && count(notice, DeliveryStatus.FAILED) == 3);
        List<DeliveryResult> failed = results.of(notice).stream().filter(r -> r.status() == DeliveryStatus.FAILED).toList();
        assertThat(failed).extracting(DeliveryResult::recipientId)
                .containsExactlyInAnyOrder(notice + "-r10", notice + "-r500", notice + "-r999");
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo(ErrorCode.INVALID_ADDRESS);
            assertThat(r.providerCode()).isEqualTo("400");
            assertThat(r.errorMessage()).isEqualTo("Does not contain a valid address.");
        });
        assertThat(sendGridCallsFor(notice)).isEqualTo(2);
        assertThat(simulator.traffic().accepted().keySet().stream().filter(a -> a.startsWith(notice))).hasSize(997);
    }

    @Test
    void aMalformedAddressFailsOnItsOwnAndTheBatchIsSentInOneCall() {
        String notice = newId();
        List<Target> targets = new ArrayList<>(emails(notice, 20, i -> "@example.com"));
        targets.set(7, new Target(notice + "-r7", Channel.EMAIL, 1, notice + "-7@@example.com"));

        dispatch(notice, targets);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(notice, DeliveryStatus.SENT) == 19
                && count(notice, DeliveryStatus.FAILED) == 1);
        assertThat(latest(notice, notice + "-r7")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(r.errorCode()).isEqualTo(ErrorCode.INVALID_ADDRESS);
            assertThat(r.providerCode()).isNull();
        });
        assertThat(sendGridCallsFor(notice)).isEqualTo(1);
    }

    @Test
    void theEmailsOfFourChunksTakenTogetherGoOutInOneSendGridCall() {
        String notice = newId();
        List<Target> targets = emails(notice, 1_000, i -> "@example.com");
        List<SendRequest> chunks = IntStream.range(0, 4).mapToObj(c -> new SendRequest("dispatch-" + notice, "p1", notice,
                content(), targets.subList(c * 250, (c + 1) * 250), null)).toList();

        dispatching.dispatch(chunks);

        awaitResults(notice, Duration.ofSeconds(60), () -> count(notice, DeliveryStatus.SENT) == 1_000);
        assertThat(sendGridCallsFor(notice)).isEqualTo(1);
    }

    @Test
    void anUnreadableRequestGoesToTheDeadLetterTopicAndTheChunksAroundItAreSent() {
        String before = newId();
        String after = newId();
        String poison = "{\"noticeId\": \"" + before + "-poison\", \"targets\": \"not a list\"}";
        try (var dlq = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(), "group.id", "dlq-" + before,
                "auto.offset.reset", "earliest",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of(Topics.NOTICE_DISPATCH_REQUESTED + ".delivery-service.dlq"));

            dispatch(before, emails(before, 3, i -> "@example.com"));
            publishRaw(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(before, 1), poison);
            dispatch(after, emails(after, 3, i -> "@example.com"));

            awaitResults(after, Duration.ofSeconds(60), () -> count(after, DeliveryStatus.SENT) == 3
                    && count(before, DeliveryStatus.SENT) == 3);
            List<String> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> deadLetters.add(r.value()));
                return deadLetters.contains(poison);
            });
        }
    }

    @Test
    void aTargetWithoutAddressIsSkippedWithoutCallingTheProvider() {
        String notice = newId();
        long twilioCallsBefore = simulator.traffic().requestCount(Provider.TWILIO);

        dispatch(notice, List.of(new Target(notice + "-r1", Channel.SMS, 1, null)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !results.of(notice).isEmpty());
        DeliveryResult skipped = results.of(notice).get(0);
        assertThat(skipped.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(skipped.errorCode()).isEqualTo(ErrorCode.NO_ADDRESS);
        assertThat(simulator.traffic().requestCount(Provider.TWILIO)).isEqualTo(twilioCallsBefore);
    }

    @Test
    void smsOutcomesFollowTwilioAnswersAndSignedStatusCallbacks() {
        String notice = newId();
        String good = "+1514" + (5_000_000 + (int) (Math.random() * 999_999));
        dispatch(notice, List.of(new Target("good", Channel.SMS, 1, good),
                new Target("invalid", Channel.SMS, 1, "+15550100042"),
                new Target("unreachable", Channel.SMS, 1, "+15550200042")));

        // webhooks may overtake the consumer's SENT on the topic: consumers merge by rank, and so does this test
        awaitResults(notice, Duration.ofSeconds(30), () -> statuses(notice, "good").size() == 2
                && statuses(notice, "unreachable").size() == 2 && statuses(notice, "invalid").size() == 1);
        assertThat(statuses(notice, "good")).containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(latest(notice, "good").providerMessageId()).startsWith("SM").hasSize(34);

        DeliveryResult invalid = latest(notice, "invalid");
        assertThat(statuses(notice, "invalid")).containsExactly(DeliveryStatus.FAILED);
        assertThat(invalid.errorCode()).isEqualTo(ErrorCode.INVALID_ADDRESS);
        assertThat(invalid.providerCode()).isEqualTo("21211");

        DeliveryResult unreachable = latest(notice, "unreachable");
        assertThat(statuses(notice, "unreachable")).containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.FAILED);
        assertThat(unreachable.errorCode()).isEqualTo(ErrorCode.UNREACHABLE);
        assertThat(unreachable.providerCode()).isEqualTo("30003");
        assertThat(unreachable.address()).isEqualTo("+15550200042");
    }

    @Test
    void aRedeliveredChunkNeverReachesAProviderTwice() {
        String notice = newId();
        List<Target> targets = new ArrayList<>(emails(notice, 3, i -> "@example.com"));
        String phone = "+1438" + (5_000_000 + (int) (Math.random() * 999_999));
        targets.add(new Target(notice + "-sms", Channel.SMS, 1, phone));
        NoticeDispatchRequested chunk = NoticeDispatchRequested.of("dispatch-" + notice, notice, "property-1",
                content(), targets, 0, 1, ChannelTotals.count(targets));

        String marker = newId();
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), chunk);
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), chunk);
        // same key, same partition, after the copy: once its email is sent, the copy has been handled (in the same
        // poll as the first, where it is dropped, or in a later one, which re-publishes the known outcomes)
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), NoticeDispatchRequested.of(
                "dispatch-" + marker, marker, "property-1", content(), emails(marker, 1, i -> "@example.com"), 0, 1,
                ChannelTotals.count(emails(marker, 1, i -> "@example.com"))));

        awaitResults(notice, Duration.ofSeconds(30), () -> count(marker, DeliveryStatus.SENT) == 1
                && targets.stream().allMatch(t -> statuses(notice, t.recipientId()).contains(DeliveryStatus.DELIVERED)));
        Map<String, Integer> accepted = simulator.traffic().accepted();
        targets.forEach(t -> assertThat(accepted.get(t.address())).as(t.address()).isEqualTo(1));
    }

    @Test
    void forgedStaleOrUnsignedWebhooksAreRefusedAndAReplayChangesNothing() throws Exception {
        String notice = newId();
        String event = sendGridEvent(notice, "evt-" + notice, "delivered");
        String now = String.valueOf(Instant.now().getEpochSecond());
        String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond());

        assertThat(postSendGrid(event, Base64.getEncoder().encodeToString("forged".getBytes()), now).statusCode()).isEqualTo(401);
        assertThat(postSendGrid(event, sign(stale, event), stale).statusCode()).isEqualTo(401);
        assertThat(postSendGrid(event, null, now).statusCode()).isEqualTo(401);
        HttpResponse<String> badTwilio = postTwilio(notice, "bogus-signature");
        assertThat(badTwilio.statusCode()).isEqualTo(401);
        assertThat(badTwilio.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badTwilio.body()).contains("\"code\":\"INVALID_SIGNATURE\"");
        assertThat(postTwilio(notice, null).statusCode()).isEqualTo(401);

        assertThat(postSendGrid(event, sign(now, event), now).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> results.of(notice).size() == 1);
        assertThat(results.of(notice).get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);

        assertThat(postSendGrid(event, sign(now, event), now).statusCode()).as("replay").isEqualTo(200);
        // a later event of the same recipient (same key, same partition) proves the replay published nothing before it
        String bounce = sendGridEvent(notice, "evt2-" + notice, "bounce");
        assertThat(postSendGrid(bounce, sign(now, bounce), now).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> results.of(notice).size() >= 2);
        assertThat(results.of(notice)).extracting(DeliveryResult::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
    }

    @Test
    void aSendGridOutageParksTheEmailsAndTheyAreSentWhenItEnds() {
        String notice = newId();
        // long enough to outlast the consumer joining for resend-requested, which may only now be created
        simulator.outage(Provider.SENDGRID, 503, 8);
        List<Target> targets = emails(notice, 5, i -> "@example.com");

        resend(notice, targets);

        await().atMost(Duration.ofSeconds(20)).until(() -> deferred.count() > 0);
        assertThat(results.of(notice)).as("parked, not failed").isEmpty();
        // announced once as the channels' first answer, while the batch waits for its next try
        await().atMost(Duration.ofSeconds(20)).until(() -> !results.deferralsOf(notice).isEmpty());
        DeliveryDeferred deferral = results.deferralsOf(notice).get(0);
        assertThat(deferral.channel()).isEqualTo(Channel.EMAIL);
        assertThat(deferral.provider()).isEqualTo("sendgrid");
        assertThat(deferral.errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(deferral.giveUpAt()).isAfter(deferral.nextTryAt());
        assertThat(deferral.targets()).extracting(DeliveryDeferred.DeferredTarget::recipientId)
                .containsExactlyInAnyOrderElementsOf(targets.stream().map(Target::recipientId).toList());
        assertThat(deferral.targets()).allMatch(t -> t.attempt() == 2 && t.attemptId().equals("resend-" + notice));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(notice, DeliveryStatus.SENT) == 5);
        assertThat(count(notice, DeliveryStatus.FAILED)).isZero();
        assertThat(simulator.traffic().rejected()).containsKey(targets.get(0).address());
        targets.forEach(t -> assertThat(simulator.traffic().accepted().get(t.address())).isEqualTo(1));
        assertThat(results.of(notice)).allMatch(r -> r.attempt() == 2 && r.attemptId().equals("resend-" + notice));
        assertThat(results.deferralsOf(notice)).as("a batch tried again is not announced again").hasSize(1);
    }

    @Test
    void aParkedBatchWhoseRetryDiedAfterRecordingItsAnswerPublishesThatAnswerAndSendsNothingAgain() {
        String notice = newId();
        Send answered = new Send("resend-" + notice, "p1", notice, notice + "-r0", Channel.EMAIL, 2, notice + "-0@example.com");
        Send stillParked = new Send("resend-" + notice, "p1", notice, notice + "-r1", Channel.EMAIL, 2,
                notice + "-1@example.com");
        // the state a kill -9 leaves between recording a retry's answer and publishing it: one send settled SENT in
        // the ledger, unpublished, and the batch still in the retry store
        ledger.claim(List.of(answered, stillParked));
        ledger.park(List.of(stillParked));
        ledger.record(List.of(answered.sent("sendgrid", "sg-earlier")));
        deferred.save(new ParkedBatch("batch-" + notice, Channel.EMAIL, content(), List.of(answered, stillParked),
                Instant.now().minusSeconds(60), 1, Instant.now(), "HTTP 503", false));

        awaitResults(notice, Duration.ofSeconds(30), () -> count(notice, DeliveryStatus.SENT) == 2);
        assertThat(results.of(notice)).filteredOn(r -> r.recipientId().equals(answered.recipientId()))
                .allMatch(r -> "sg-earlier".equals(r.providerMessageId()) || r.status() != DeliveryStatus.SENT);
        assertThat(simulator.traffic().accepted()).as("the settled one is not sent again")
                .doesNotContainKey(answered.address()).containsEntry(stillParked.address(), 1);
    }

    @Test
    void anSmsInsideQuietHoursIsHeldUntilTheyEndWhileItsEmailGoesAtOnce() {
        awaitTheDispatchConsumer();
        String notice = newId();
        String phone = phone();
        List<Target> targets = List.of(new Target(notice + "-r0", Channel.EMAIL, 1, notice + "-0@example.com"),
                new Target(notice + "-r0", Channel.SMS, 1, phone));
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

        dispatch(notice, targets, quietHoursEndingAt(until));

        awaitResults(notice, Duration.ofSeconds(20), () -> statuses(notice, Channel.EMAIL).contains(DeliveryStatus.SENT)
                && !results.holdsOf(notice).isEmpty());
        assertThat(Instant.now()).as("still inside the quiet hours").isBefore(until);
        assertThat(statuses(notice, Channel.SMS)).as("no SMS result during the hold").isEmpty();
        assertThat(twilioCallsTo(phone)).as("no Twilio call during the hold").isEmpty();
        assertThat(deferred.waiting().held()).as("the hold is durable").containsKey(Channel.SMS);
        DeliveryHeld held = results.holdsOf(notice).get(0);
        assertThat(held.channel()).isEqualTo(Channel.SMS);
        assertThat(held.reason()).isEqualTo(DeliveryHeld.QUIET_HOURS);
        assertThat(held.until()).isEqualTo(until);
        assertThat(held.propertyId()).isEqualTo("property-1");
        assertThat(held.targets()).containsExactly(new DeliveryDeferred.DeferredTarget(notice + "-r0", 1,
                "dispatch-" + notice));

        awaitResults(notice, Duration.ofSeconds(20), () -> statuses(notice, Channel.SMS).contains(DeliveryStatus.SENT));
        assertThat(twilioCallsTo(phone)).singleElement()
                .satisfies(call -> assertThat(call.time()).as("sent once the quiet hours ended").isAfterOrEqualTo(until));
        assertThat(results.of(notice)).filteredOn(r -> r.channel() == Channel.SMS)
                .allSatisfy(r -> assertThat(r.occurredAt()).isAfterOrEqualTo(until));
        assertThat(results.of(notice)).filteredOn(r -> r.channel() == Channel.EMAIL && r.status() == DeliveryStatus.SENT)
                .singleElement().satisfies(r -> assertThat(r.occurredAt()).isBefore(until));
        await().atMost(Duration.ofSeconds(10)).until(() -> deferred.waiting().held().isEmpty());
        assertThat(results.holdsOf(notice)).hasSize(1);
        assertThat(results.deferralsOf(notice)).as("a hold is not an outage").isEmpty();
        assertThat(simulator.traffic().accepted()).containsEntry(phone, 1).containsEntry(notice + "-0@example.com", 1);
    }

    @Test
    void aChunkRedeliveredDuringTheHoldSendsAndHoldsNothingAgain() {
        awaitTheDispatchConsumer();
        String notice = newId();
        String marker = newId();
        String phone = phone();
        List<Target> targets = List.of(new Target(notice + "-r0", Channel.SMS, 1, phone));
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        NoticeDispatchRequested chunk = NoticeDispatchRequested.of("dispatch-" + notice, notice, "property-1",
                content(), targets, 0, 1, ChannelTotals.count(targets), quietHoursEndingAt(until));

        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), chunk);
        await().atMost(Duration.ofSeconds(20)).until(() -> !results.holdsOf(notice).isEmpty());
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), chunk);
        // same key, same partition, after the copy: once its email is sent, the copy has been handled
        List<Target> markerTargets = emails(marker, 1, i -> "@example.com");
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), NoticeDispatchRequested.of(
                "dispatch-" + marker, marker, "property-1", content(), markerTargets, 0, 1,
                ChannelTotals.count(markerTargets)));
        awaitResults(marker, Duration.ofSeconds(20), () -> count(marker, DeliveryStatus.SENT) == 1);
        assertThat(Instant.now()).as("the copy was handled during the hold").isBefore(until);
        assertThat(twilioCallsTo(phone)).isEmpty();

        awaitResults(notice, Duration.ofSeconds(20), () -> statuses(notice, Channel.SMS).contains(DeliveryStatus.SENT));
        await().atMost(Duration.ofSeconds(10)).until(() -> deferred.waiting().held().isEmpty());
        assertThat(results.holdsOf(notice)).as("announced once").hasSize(1);
        assertThat(twilioCallsTo(phone)).as("sent once").singleElement()
                .satisfies(call -> assertThat(call.time()).isAfterOrEqualTo(until));
        assertThat(simulator.traffic().accepted()).containsEntry(phone, 1);
        assertThat(results.of(notice)).filteredOn(r -> r.status() == DeliveryStatus.SENT).hasSize(1);
    }

    @Test
    void aHeldSmsWhoseProviderIsDownWhenTheHoldEndsBecomesAnOutageBatchFromThen() {
        awaitTheDispatchConsumer();
        String notice = newId();
        String phone = phone();
        List<Target> targets = List.of(new Target(notice + "-r0", Channel.SMS, 1, phone));
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        // from before the hold ends to 1-2 s after
        simulator.outage(Provider.TWILIO, 503, (int) Duration.between(Instant.now(), until).toSeconds() + 2);

        dispatch(notice, targets, quietHoursEndingAt(until));

        await().atMost(Duration.ofSeconds(20)).until(() -> !results.holdsOf(notice).isEmpty());
        awaitResults(notice, Duration.ofSeconds(20), () -> !results.deferralsOf(notice).isEmpty());
        DeliveryDeferred deferral = results.deferralsOf(notice).get(0);
        assertThat(deferral.channel()).isEqualTo(Channel.SMS);
        assertThat(deferral.provider()).isEqualTo("twilio");
        assertThat(deferral.errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(deferral.giveUpAt()).as("the give-up clock starts at the first try, not at the hold")
                .isAfterOrEqualTo(until.plus(Duration.ofHours(24)));
        assertThat(statuses(notice, Channel.SMS)).as("parked, not failed").isEmpty();

        awaitResults(notice, Duration.ofSeconds(30), () -> statuses(notice, Channel.SMS).contains(DeliveryStatus.SENT));
        assertThat(statuses(notice, Channel.SMS)).doesNotContain(DeliveryStatus.FAILED);
        assertThat(twilioCallsTo(phone)).allSatisfy(call -> assertThat(call.time()).isAfterOrEqualTo(until))
                .filteredOn(call -> call.status() == 201).hasSize(1);
        assertThat(simulator.traffic().rejected()).containsKey(phone);
        assertThat(results.holdsOf(notice)).hasSize(1);
        assertThat(results.deferralsOf(notice)).as("deferred once, when first parked").hasSize(1);
    }

    // --- helpers

    /** Awaits a condition on a notice's results, and shows them when it never holds. */
    private static void awaitResults(String notice, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(atMost).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Results of " + notice + ": " + byStatus(results.of(notice)) + " "
                    + results.of(notice), e);
        }
    }

    private static String newId() {
        return "n" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Content content() {
        return new Content("Water shut-off", "Water will be off tomorrow 9-12.", "Water off tomorrow 9-12.");
    }

    private static List<Target> emails(String notice, int count, java.util.function.IntFunction<String> domain) {
        return IntStream.range(0, count).mapToObj(i -> new Target(notice + "-r" + i, Channel.EMAIL, 1,
                notice + "-" + i + domain.apply(i))).toList();
    }

    private void dispatch(String notice, List<Target> targets) {
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), NoticeDispatchRequested.of(
                "dispatch-" + notice, notice, "property-1", content(), targets, 0, 1, ChannelTotals.count(targets)));
    }

    /**
     * Quiet hours of the UTC zone that began a minute ago and end at {@code until} (whole seconds): across midnight
     * when {@code until} is just after it, which QuietHours reads as a window spanning midnight.
     */
    private static QuietHours quietHoursEndingAt(Instant until) {
        return new QuietHours("UTC", LocalTime.ofInstant(until.minusSeconds(64), ZoneOffset.UTC).toString(),
                LocalTime.ofInstant(until, ZoneOffset.UTC).toString());
    }

    /** A chunk on the dispatch topic sent and its result read: the consumer has its partitions, so the next goes at once. */
    private void awaitTheDispatchConsumer() {
        String warmUp = newId();
        dispatch(warmUp, emails(warmUp, 1, i -> "@example.com"));
        awaitResults(warmUp, Duration.ofSeconds(60), () -> count(warmUp, DeliveryStatus.SENT) == 1);
    }

    private static String phone() {
        return "+1514" + (5_000_000 + (int) (Math.random() * 999_999));
    }

    private static List<Traffic.Request> twilioCallsTo(String phone) {
        return simulator.traffic().requests(10_000).stream()
                .filter(r -> r.provider().equals("twilio") && phone.equals(r.to())).toList();
    }

    private static List<DeliveryStatus> statuses(String notice, Channel channel) {
        return results.of(notice).stream().filter(r -> r.channel() == channel).map(DeliveryResult::status).toList();
    }

    private void dispatch(String notice, List<Target> targets, QuietHours quietHours) {
        publish(Topics.NOTICE_DISPATCH_REQUESTED, Topics.chunkKey(notice, 0), NoticeDispatchRequested.of(
                "dispatch-" + notice, notice, "property-1", content(), targets, 0, 1, ChannelTotals.count(targets),
                quietHours));
    }

    private void resend(String notice, List<Target> targets) {
        List<Target> second = targets.stream().map(t -> new Target(t.recipientId(), t.channel(), 2, t.address())).toList();
        publish(Topics.RESEND_REQUESTED, Topics.noticeKey(notice), ResendRequested.of("resend-" + notice, notice,
                "property-1", ResendScope.FAILED_ONLY, new Requester("u1", "Manager"), Instant.now(), content(), second,
                0, 1, ChannelTotals.count(second), second.size()));
    }

    private void publishRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(String topic, String key, Object event) {
        publishRaw(topic, key, json.writeValueAsString(event));
    }

    private static long count(String notice, DeliveryStatus status) {
        return results.of(notice).stream().filter(r -> r.status() == status).count();
    }

    /** The result that wins the merge (highest rank), whatever order the results arrived in. */
    private static DeliveryResult latest(String notice, String recipient) {
        return results.of(notice).stream().filter(r -> r.recipientId().equals(recipient))
                .max(java.util.Comparator.comparingLong(DeliveryResult::rank)).orElseThrow();
    }

    private static List<DeliveryStatus> statuses(String notice, String recipient) {
        return results.of(notice).stream().filter(r -> r.recipientId().equals(recipient)).map(DeliveryResult::status).toList();
    }

    private static long sendGridCallsFor(String notice) {
        Predicate<Traffic.Request> ours = r -> r.provider().equals("sendgrid") && r.to() != null && r.to().startsWith(notice);
        return simulator.traffic().requests(10_000).stream().filter(ours).count();
    }

    private static String sendGridEvent(String notice, String eventId, String type) {
        return "[{\"email\":\"ann@example.com\",\"event\":\"" + type + "\",\"type\":\"bounce\",\"sg_event_id\":\"" + eventId
                + "\",\"sg_message_id\":\"m1.filter\",\"timestamp\":1,\"notice_id\":\"" + notice
                + "\",\"recipient_id\":\"res-1\",\"channel\":\"EMAIL\",\"attempt\":\"1\",\"attempt_id\":\"dispatch-" + notice + "\"}]";
    }

    private static String sign(String timestamp, String body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SIGNING_KEY))));
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private HttpResponse<String> postSendGrid(String body, String signature, String timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sendgrid/events"))
                .header("Content-Type", "application/json").header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postTwilio(String notice, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/webhooks/twilio/status?n=" + notice + "&r=res-1&a=1&id=dispatch-" + notice))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SM123&MessageStatus=delivered&To=%2B15145550123"));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Long> byStatus(List<DeliveryResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.status().name(), Collectors.counting()));
    }
}
