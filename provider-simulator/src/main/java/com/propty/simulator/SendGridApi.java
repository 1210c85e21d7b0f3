package com.propty.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SendGrid's v3 mail send, deterministic by address: {@code *@invalid.example} makes the whole request
 * 400 (one error per offending personalization, nothing accepted), {@code *@bounce.example} bounces,
 * {@code *@blocked.example} bounces with type {@code blocked}, {@code *@dropped.example} is dropped,
 * anything else is delivered. Events are posted as one signed batch per request.
 */
final class SendGridApi {

    private static final Logger log = LoggerFactory.getLogger(SendGridApi.class);

    private final Traffic traffic;
    private final Conditions conditions;
    private final WebhookPoster poster;
    private final Supplier<String> webhookUrl;
    private final EventWebhookSigner signer;

    SendGridApi(Traffic traffic, Conditions conditions, WebhookPoster poster, Supplier<String> webhookUrl,
            String signingKeyBase64) {
        this.traffic = traffic;
        this.conditions = conditions;
        this.poster = poster;
        this.webhookUrl = webhookUrl;
        this.signer = EventWebhookSigner.withKey(signingKeyBase64);
    }

    private record Recipient(String email, Map<String, String> customArgs) {
    }

    void mailSend(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
            Replies.json(exchange, 401, Map.of("errors", List.of(Map.of("message",
                    "The provided authorization grant is invalid, expired, or revoked", "field", "", "help", ""))));
            return;
        }
        JsonNode mail;
        try {
            mail = Replies.JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            Replies.json(exchange, 400, Map.of("errors", List.of(Map.of("message", "Bad Request", "field", ""))));
            return;
        }
        List<Recipient> recipients = recipients(mail);
        List<String> addresses = recipients.stream().map(Recipient::email).toList();
        var outage = conditions.outage(Provider.SENDGRID);
        if (outage.isPresent()) {
            traffic.record(Provider.SENDGRID, addresses, outage.get().status());
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(outage.get().secondsLeft()));
            Replies.json(exchange, outage.get().status(),
                    Map.of("errors", List.of(Map.of("message", "Service unavailable (simulated outage)"))));
            return;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            String email = recipients.get(i).email();
            if (email == null || email.endsWith("@invalid.example")) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", "Does not contain a valid address.");
                error.put("field", "personalizations." + i + ".to.0.email");
                error.put("help", null);
                errors.add(error);
            }
        }
        if (recipients.isEmpty()) {
            errors.add(Map.of("message", "The personalizations field is required and must have at least one "
                    + "personalization.", "field", "personalizations"));
        }
        if (!errors.isEmpty()) {
            traffic.record(Provider.SENDGRID, addresses, 400);
            log.info("SendGrid request rejected: {} of {} personalizations invalid", errors.size(), recipients.size());
            Replies.json(exchange, 400, Map.of("errors", errors));
            return;
        }
        String messageId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        traffic.record(Provider.SENDGRID, addresses, 202);
        exchange.getResponseHeaders().set("X-Message-Id", messageId);
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        poster.later(poster.nextDelayMillis(), () -> postEvents(messageId, recipients));
    }

    private static List<Recipient> recipients(JsonNode mail) {
        Map<String, String> mailArgs = strings(mail.path("custom_args"));
        List<Recipient> recipients = new ArrayList<>();
        for (JsonNode p : mail.path("personalizations")) {
            Map<String, String> args = new LinkedHashMap<>(mailArgs);
            args.putAll(strings(p.path("custom_args")));
            JsonNode email = p.path("to").path(0).path("email");
            recipients.add(new Recipient(email.isTextual() ? email.asText() : null, args));
        }
        return recipients;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private void postEvents(String messageId, List<Recipient> recipients) {
        List<Map<String, Object>> events = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            Map<String, Object> event = new LinkedHashMap<>(r.customArgs());
            event.put("email", r.email());
            event.put("timestamp", now);
            event.put("sg_event_id", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 22));
            event.put("sg_message_id", messageId + ".filterdrecv-simulator-" + i);
            String domain = r.email().substring(r.email().indexOf('@') + 1);
            switch (domain) {
                case "bounce.example" -> {
                    event.put("event", "bounce");
                    event.put("type", "bounce");
                    event.put("reason", "550 5.1.1 The email account that you tried to reach does not exist.");
                    event.put("status", "5.1.1");
                }
                case "blocked.example" -> {
                    event.put("event", "bounce");
                    event.put("type", "blocked");
                    event.put("reason", "550 5.7.1 Message rejected due to local policy.");
                    event.put("status", "5.7.1");
                }
                case "dropped.example" -> {
                    event.put("event", "dropped");
                    event.put("reason", "Bounced Address");
                }
                default -> event.put("event", "delivered");
            }
            events.add(event);
        }
        try {
            byte[] body = Replies.JSON.writeValueAsBytes(events);
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            poster.post(new WebhookPoster.Webhook(webhookUrl.get(), "application/json", body, Map.of(
                    EventWebhookSigner.SIGNATURE_HEADER, signer.sign(timestamp, body),
                    EventWebhookSigner.TIMESTAMP_HEADER, timestamp)));
        } catch (IOException | IllegalStateException e) {
            log.error("Could not post SendGrid events", e);
        }
    }
}
