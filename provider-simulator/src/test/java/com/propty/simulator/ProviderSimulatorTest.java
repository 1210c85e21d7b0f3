package com.propty.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.eventwebhook.EventWebhook;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderSimulatorTest {

    static final String PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEReGRxskxFxSkOs60loSYd4jwoFy+d2LbyK8L2GnM688G"
            + "j05tb22NJmuGoft1bObhie33/hHhG5shXRSc/9mc0A==";
    static final String SID = "AC00000000000000000000000000000000";
    static final String TOKEN = "local-twilio-auth-token";
    static final ObjectMapper JSON = new ObjectMapper();

    static WebhookReceiver receiver;
    static ProviderSimulator simulator;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Security.addProvider(new BouncyCastleProvider());
        receiver = new WebhookReceiver();
        simulator = ProviderSimulator.start(SimulatorSettings.defaults()
                .withSendGridWebhookUrl(receiver.url("/webhooks/sendgrid/events")).withWebhookDelayMillis(20));
    }

    @AfterAll
    static void stop() {
        simulator.close();
        receiver.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
        receiver.received.clear();
    }

    @Test
    void sendGridAcceptsABatchAndPostsSignedEventsCarryingTheCustomArgs() throws Exception {
        Response response = sendGrid("SG.local-key").api(mailTo("ann@example.com", "bob@bounce.example",
                "cy@blocked.example"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        String messageId = header(response, "X-Message-Id");
        assertThat(messageId).isNotBlank();
        assertThat(simulator.traffic().accepted()).containsOnlyKeys("ann@example.com", "bob@bounce.example",
                "cy@blocked.example");

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.at("/webhooks/sendgrid/events").isEmpty());
        WebhookReceiver.Received webhook = receiver.at("/webhooks/sendgrid/events").get(0);
        String signature = webhook.header("X-Twilio-Email-Event-Webhook-Signature");
        String timestamp = webhook.header("X-Twilio-Email-Event-Webhook-Timestamp");
        EventWebhook verifier = new EventWebhook();
        ECPublicKey key = verifier.ConvertPublicKeyToECDSA(PUBLIC_KEY);
        assertThat(verifier.VerifySignature(key, webhook.body(), signature, timestamp)).isTrue();
        assertThat(verifier.VerifySignature(key, webhook.body(), signature, String.valueOf(Long.parseLong(timestamp) - 1)))
                .as("the timestamp is part of what is signed").isFalse();

        Map<String, JsonNode> byEmail = StreamSupport.stream(JSON.readTree(webhook.body()).spliterator(), false)
                .collect(Collectors.toMap(e -> e.get("email").asText(), e -> e));
        assertThat(byEmail.get("ann@example.com").get("event").asText()).isEqualTo("delivered");
        assertThat(byEmail.get("ann@example.com").get("recipient_id").asText()).isEqualTo("r-ann@example.com");
        assertThat(byEmail.get("ann@example.com").get("sg_message_id").asText()).startsWith(messageId);
        assertThat(byEmail.get("ann@example.com").get("sg_event_id").asText()).isNotBlank();
        assertThat(byEmail.get("bob@bounce.example").get("event").asText()).isEqualTo("bounce");
        assertThat(byEmail.get("bob@bounce.example").get("type").asText()).isEqualTo("bounce");
        assertThat(byEmail.get("bob@bounce.example").get("status").asText()).isEqualTo("5.1.1");
        assertThat(byEmail.get("cy@blocked.example").get("type").asText()).isEqualTo("blocked");
    }

    @Test
    void sendGridRejectsTheWholeBatchNamingEachInvalidPersonalization() throws Exception {
        Response response = sendGrid("SG.local-key").api(mailTo("ann@example.com", "x@invalid.example",
                "bob@example.com", "y@invalid.example"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = StreamSupport.stream(JSON.readTree(response.getBody()).get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
        assertThat(fields).containsExactly("personalizations.1.to.0.email", "personalizations.3.to.0.email");
        assertThat(simulator.traffic().accepted()).isEmpty();
        assertThat(simulator.traffic().rejected()).containsKeys("ann@example.com", "x@invalid.example");
    }

    @Test
    void sendGridWantsABearerKey() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v3/mail/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"personalizations\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anOutageAnswersItsStatusWithRetryAfterUntilItEnds() throws Exception {
        admin("/admin/outage", "{\"provider\":\"sendgrid\",\"status\":503,\"seconds\":60}");

        Response during = sendGrid("SG.local-key").api(mailTo("ann@example.com"));
        assertThat(during.getStatusCode()).isEqualTo(503);
        assertThat(header(during, "Retry-After")).isNotBlank();
        assertThat(twilio("+15145550123", null).statusCode()).as("only SendGrid is down").isEqualTo(201);

        admin("/admin/outage", "{\"provider\":\"sendgrid\",\"seconds\":0}");
        assertThat(sendGrid("SG.local-key").api(mailTo("ann@example.com")).getStatusCode()).isEqualTo(202);

        JsonNode messages = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/admin/messages")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(messages.at("/accepted/ann@example.com").asInt()).isEqualTo(1);
        assertThat(messages.at("/accepted/+15145550123").asInt()).isEqualTo(1);
        assertThat(messages.at("/rejected/ann@example.com").asInt()).isEqualTo(1);
        assertThat(messages.get("messages")).hasSize(3);
        assertThat(messages.at("/messages/0/status").asInt()).isEqualTo(503);
    }

    @Test
    void twilioAcceptsAGoodNumberThenCallsBackSentAndDeliveredWithAValidSignature() throws Exception {
        String callback = receiver.url("/webhooks/twilio/status?n=notice-1&r=res-1&a=1&id=dispatch-1");
        HttpResponse<String> response = twilio("+15145550123", callback);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode message = JSON.readTree(response.body());
        assertThat(message.get("sid").asText()).startsWith("SM").hasSize(34);
        assertThat(message.get("status").asText()).isEqualTo("queued");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.at("/webhooks/twilio/status").size() == 2);
        RequestValidator validator = new RequestValidator(TOKEN);
        for (WebhookReceiver.Received callbackRequest : receiver.at("/webhooks/twilio/status")) {
            Map<String, String> params = form(new String(callbackRequest.body(), StandardCharsets.UTF_8));
            assertThat(params).containsEntry("MessageSid", message.get("sid").asText()).containsEntry("To", "+15145550123");
            assertThat(validator.validate(callback, params, callbackRequest.header("X-Twilio-Signature"))).isTrue();
            assertThat(validator.validate(callback.replace("res-1", "res-2"), params,
                    callbackRequest.header("X-Twilio-Signature"))).isFalse();
        }
        assertThat(receiver.at("/webhooks/twilio/status").stream()
                .map(r -> form(new String(r.body(), StandardCharsets.UTF_8)).get("MessageStatus")))
                .containsExactlyInAnyOrder("sent", "delivered");
    }

    @Test
    void twilioRejectsInvalidNumbersAndReportsUndeliverableOnes() throws Exception {
        HttpResponse<String> invalid = twilio("+15550100001", receiver.url("/webhooks/twilio/status"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("code").asInt()).isEqualTo(21211);

        assertThat(twilio("+15550200001", receiver.url("/webhooks/twilio/status?k=unreachable")).statusCode()).isEqualTo(201);
        assertThat(twilio("+15550300001", receiver.url("/webhooks/twilio/status?k=stop")).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.at("/webhooks/twilio/status").size() == 2);
        Map<String, Map<String, String>> byQuery = receiver.at("/webhooks/twilio/status").stream()
                .collect(Collectors.toMap(WebhookReceiver.Received::query, r -> form(new String(r.body(), StandardCharsets.UTF_8))));
        assertThat(byQuery.get("k=unreachable")).containsEntry("MessageStatus", "undelivered").containsEntry("ErrorCode", "30003");
        assertThat(byQuery.get("k=stop")).containsEntry("MessageStatus", "undelivered").containsEntry("ErrorCode", "21610");
        assertThat(simulator.traffic().rejected()).containsOnlyKeys("+15550100001");
    }

    @Test
    void twilioWantsTheAccountCredentials() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":wrong").getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15145550123&From=%2B15550000000&Body=hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(simulator.traffic().accepted()).isEmpty();
    }

    private static SendGrid sendGrid(String key) {
        SendGrid client = new SendGrid(key, true);
        client.setHost("localhost:" + simulator.port());
        return client;
    }

    private static Request mailTo(String... addresses) throws Exception {
        Mail mail = new Mail();
        mail.setFrom(new Email("notices@propty.example"));
        mail.setSubject("Water shut-off");
        mail.addContent(new Content("text/plain", "Tomorrow 9-12."));
        for (String address : addresses) {
            Personalization p = new Personalization();
            p.addTo(new Email(address));
            p.addCustomArg("notice_id", "notice-1");
            p.addCustomArg("recipient_id", "r-" + address);
            mail.addPersonalization(p);
        }
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        request.setBody(mail.build());
        return request;
    }

    private static String header(Response response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static HttpResponse<String> twilio(String to, String statusCallback) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", "+15550000000");
        form.put("Body", "Water shut-off tomorrow");
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void admin(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static Map<String, String> form(String body) {
        return Replies.form(body);
    }
}
