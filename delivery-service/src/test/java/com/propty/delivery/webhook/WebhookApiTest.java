package com.propty.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryResult;
import com.propty.events.DeliveryStatus;
import com.propty.events.ErrorCode;
import com.propty.events.Topics;
import com.propty.simulator.SimulatorSettings;
import com.propty.testsupport.InternalTokens;
import com.propty.testsupport.TestInfrastructure;
import com.propty.testsupport.ZeroTrust;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The webhook endpoints over HTTP with the real broker: every mapping of CONTRACT §3 reaches {@code delivery-results}
 * or {@code contact-opt-outs} exactly once; unsigned, tampered or stale requests are 401 problem+json and publish
 * nothing; a replayed event is 200 and publishes nothing. "Nothing" is proven by a later marker event of the same
 * recipient (same key, same partition): when the marker has arrived, anything published before it would have too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookApiTest {

    static final HttpClient http = HttpClient.newHttpClient();
    static final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
    static KafkaConsumer<String, String> consumer;
    static Thread polling;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        // no provider is called here: only webhooks come in
        registry.add("delivery.public-base-url", () -> "http://localhost:${local.server.port}");
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @BeforeAll
    static void listen() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "webhook-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(java.util.regex.Pattern.compile(Topics.DELIVERY_RESULTS + "|" + Topics.CONTACT_OPT_OUTS));
        polling = new Thread(() -> {
            try {
                while (true) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "webhook-test-collector");
        polling.setDaemon(true);
        polling.start();
    }

    @AfterAll
    static void stop() {
        consumer.wakeup();
    }

    @Test
    void calledDirectlyOnlyAValidInternalTokenGetsPastTheWebhooksAndProbes() throws Exception {
        // delivery-service has no API of its own: with a valid token a request reaches MVC (404), without one it is 401
        ZeroTrust.assertOnlyAValidTokenGetsIn(URI.create("http://localhost:" + port + "/api/notices/n1"),
                InternalTokens.manager("u1", "p1"), 404);
        HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isEqualTo(200);
        // the webhooks below are called without any token: the providers' signatures authenticate them
    }

    @Test
    void everySendGridEventMapsAsTheContractSaysAndAReplayChangesNothing() throws Exception {
        String notice = newId();
        String batch = "[" + String.join(",",
                sendGridEvent(notice, "r-delivered", "delivered", null),
                sendGridEvent(notice, "r-bounced", "bounce", "bounce"),
                sendGridEvent(notice, "r-blocked", "bounce", "blocked"),
                sendGridEvent(notice, "r-dropped", "dropped", null),
                sendGridEvent(notice, "r-processed", "processed", null),
                sendGridEvent(notice, "r-deferred", "deferred", null),
                sendGridEvent(notice, "r-open", "open", null),
                sendGridEvent(notice, "r-click", "click", null),
                sendGridEvent(notice, "r-unsub", "unsubscribe", null),
                sendGridEvent(notice, "r-group", "group_unsubscribe", null),
                sendGridEvent(notice, "r-spam", "spamreport", null)) + "]";

        assertThat(postSendGrid(batch, now()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> results(notice).size() == 4 && optOuts(notice).size() == 3);
        Map<String, DeliveryResult> byRecipient = results(notice).stream()
                .collect(Collectors.toMap(DeliveryResult::recipientId, r -> r));
        assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("r-delivered", "r-bounced", "r-blocked", "r-dropped");
        assertThat(byRecipient.get("r-delivered").status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(byRecipient.get("r-bounced").errorCode()).isEqualTo(ErrorCode.BOUNCED);
        assertThat(byRecipient.get("r-blocked").errorCode()).isEqualTo(ErrorCode.BLOCKED);
        assertThat(byRecipient.get("r-dropped").errorCode()).isEqualTo(ErrorCode.DROPPED);
        assertThat(optOuts(notice)).extracting(ContactOptedOut::recipientId, ContactOptedOut::reason, ContactOptedOut::channel)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("r-unsub", "unsubscribe", Channel.EMAIL),
                        org.assertj.core.groups.Tuple.tuple("r-group", "group_unsubscribe", Channel.EMAIL),
                        org.assertj.core.groups.Tuple.tuple("r-spam", "spamreport", Channel.EMAIL));
        assertThat(keysOf(notice, "r-spam")).containsOnly(Topics.noticeKey(notice));

        assertThat(postSendGrid(batch, now()).statusCode()).as("replay").isEqualTo(200);
        String marker = "[" + sendGridEvent(notice, "r-spam", "open", null).replace("\"event\":\"open\"", "\"event\":\"unsubscribe\"")
                .replace("ev-" + notice + "-r-spam-open", "marker-" + notice) + "]";
        assertThat(postSendGrid(marker, now()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> optOuts(notice).size() == 4);
        assertThat(results(notice)).as("a replayed batch publishes nothing").hasSize(4);
    }

    @Test
    void unsignedTamperedOrStaleSendGridRequestsAre401AndChangeNothing() throws Exception {
        String notice = newId();
        String body = "[" + sendGridEvent(notice, "r1", "unsubscribe", null) + "]";
        String now = now();
        String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(11)).getEpochSecond());

        HttpResponse<String> unsigned = send(sendGridRequest(body, now, null));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unsigned.body()).contains("\"code\":\"INVALID_SIGNATURE\"");
        String tampered = body.replace("unsubscribe", "spamreport");
        assertThat(send(sendGridRequest(tampered, now, sign(now, body))).statusCode()).as("tampered body").isEqualTo(401);
        assertThat(send(sendGridRequest(body, now(), sign(stale, body))).statusCode()).as("other timestamp").isEqualTo(401);
        assertThat(send(sendGridRequest(body, stale, sign(stale, body))).statusCode()).as("stale").isEqualTo(401);
        assertThat(send(sendGridRequest(body, now, "not base64 at all")).statusCode()).as("garbage").isEqualTo(401);

        String marker = "[" + sendGridEvent(notice, "r1", "delivered", null) + "]";
        assertThat(postSendGrid(marker, now()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> results(notice).size() == 1);
        assertThat(optOuts(notice)).as("no refused request was applied").isEmpty();
    }

    @Test
    void twilioCallbacksMapByStatusAndErrorCodeAndAReplayChangesNothing() throws Exception {
        String notice = newId();
        assertThat(postTwilio(notice, "r-ok", "SMa", "sent", null).statusCode()).isEqualTo(200);
        assertThat(postTwilio(notice, "r-ok", "SMa", "delivered", null).statusCode()).isEqualTo(200);
        assertThat(postTwilio(notice, "r-off", "SMb", "undelivered", "30003").statusCode()).isEqualTo(200);
        assertThat(postTwilio(notice, "r-stop", "SMc", "failed", "21610").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> results(notice).size() == 3);
        Map<String, DeliveryResult> byRecipient = results(notice).stream()
                .collect(Collectors.toMap(DeliveryResult::recipientId, r -> r));
        assertThat(byRecipient.get("r-ok").status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(byRecipient.get("r-ok").providerMessageId()).isEqualTo("SMa");
        assertThat(byRecipient.get("r-off").errorCode()).isEqualTo(ErrorCode.UNREACHABLE);
        DeliveryResult stop = byRecipient.get("r-stop");
        assertThat(stop.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(stop.errorCode()).as("notice-service turns this into an SMS opt-out").isEqualTo(ErrorCode.OPTED_OUT);
        assertThat(stop.providerCode()).isEqualTo("21610");
        assertThat(stop.channel()).isEqualTo(Channel.SMS);
        assertThat(stop.attempt()).isEqualTo(2);

        assertThat(postTwilio(notice, "r-ok", "SMa", "delivered", null).statusCode()).as("replay").isEqualTo(200);
        assertThat(postTwilio(notice, "r-stop", "SMc", "failed", "21610").statusCode()).as("replay").isEqualTo(200);
        assertThat(postTwilio(notice, "r-ok", "SMz", "delivered", null).statusCode()).as("marker").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> results(notice).size() >= 4);
        assertThat(results(notice)).hasSize(4);
        assertThat(results(notice).get(3).providerMessageId()).isEqualTo("SMz");
    }

    @Test
    void unsignedOrTamperedTwilioCallbacksAre401AndChangeNothing() throws Exception {
        String notice = newId();
        String query = query(notice, "r1");
        String form = "MessageSid=SMx&MessageStatus=failed&ErrorCode=21610";
        String signature = twilioSignature(query, Map.of("MessageSid", "SMx", "MessageStatus", "failed", "ErrorCode", "21610"));

        HttpResponse<String> unsigned = send(twilioRequest(query, form, null));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(twilioRequest(query, form.replace("failed", "delivered"), signature)).statusCode())
                .as("tampered form").isEqualTo(401);
        assertThat(send(twilioRequest(query(notice, "r2"), form, signature)).statusCode()).as("tampered callback ids")
                .isEqualTo(401);

        assertThat(postTwilio(notice, "r1", "SMy", "delivered", null).statusCode()).as("marker").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> results(notice).size() == 1);
        assertThat(results(notice).get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    // --- helpers

    private List<DeliveryResult> results(String notice) {
        return received.stream().filter(r -> r.topic().equals(Topics.DELIVERY_RESULTS))
                .map(r -> json.readValue(r.value(), DeliveryResult.class)).filter(r -> notice.equals(r.noticeId())).toList();
    }

    private List<ContactOptedOut> optOuts(String notice) {
        return received.stream().filter(r -> r.topic().equals(Topics.CONTACT_OPT_OUTS))
                .map(r -> json.readValue(r.value(), ContactOptedOut.class)).filter(o -> notice.equals(o.noticeId())).toList();
    }

    private List<String> keysOf(String notice, String recipient) {
        return received.stream().filter(r -> r.value().contains(notice) && r.value().contains("\"" + recipient + "\""))
                .map(ConsumerRecord::key).toList();
    }

    private static String newId() {
        return "n" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String sendGridEvent(String notice, String recipient, String event, String type) {
        return "{\"email\":\"" + recipient + "@example.com\",\"event\":\"" + event + "\","
                + (type == null ? "" : "\"type\":\"" + type + "\",\"reason\":\"550 5.1.1\",\"status\":\"5.1.1\",")
                + "\"sg_event_id\":\"ev-" + notice + "-" + recipient + "-" + event + "\",\"sg_message_id\":\"m1.filter\","
                + "\"timestamp\":1,\"notice_id\":\"" + notice + "\",\"recipient_id\":\"" + recipient + "\","
                + "\"channel\":\"EMAIL\",\"attempt\":\"1\",\"attempt_id\":\"dispatch-" + notice + "\"}";
    }

    private static String sign(String timestamp, String body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SimulatorSettings.LOCAL_SIGNING_KEY))));
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private HttpResponse<String> postSendGrid(String body, String timestamp) throws Exception {
        return send(sendGridRequest(body, timestamp, sign(timestamp, body)));
    }

    private HttpRequest sendGridRequest(String body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sendgrid/events"))
                .header("Content-Type", "application/json").header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        return request.build();
    }

    private static String query(String notice, String recipient) {
        return "n=" + notice + "&r=" + recipient + "&a=2&id=resend-" + notice;
    }

    /** Twilio's scheme: HMAC-SHA1 with the auth token over the full URL then each form parameter, sorted by name. */
    private String twilioSignature(String query, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder("http://localhost:" + port + "/webhooks/twilio/status?" + query);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SimulatorSettings.LOCAL_TWILIO_AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> postTwilio(String notice, String recipient, String sid, String status, String errorCode)
            throws Exception {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "MessageStatus", status, "To", "+15145550123"));
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String query = query(notice, recipient);
        return send(twilioRequest(query, body, twilioSignature(query, form)));
    }

    private HttpRequest twilioRequest(String query, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio/status?" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
