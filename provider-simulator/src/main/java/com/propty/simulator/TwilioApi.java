package com.propty.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's Messages API, deterministic by number: {@code +1555010xxxx} is not a valid number (400, code
 * 21211), {@code +1555020xxxx} ends undelivered (30003, unreachable), {@code +1555030xxxx} ends undelivered
 * (21610, the resident replied STOP), anything else is sent then delivered. Status callbacks are signed with
 * {@code X-Twilio-Signature} like Twilio's.
 */
final class TwilioApi {

    private static final Logger log = LoggerFactory.getLogger(TwilioApi.class);
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Traffic traffic;
    private final Conditions conditions;
    private final WebhookPoster poster;
    private final String authToken;

    TwilioApi(Traffic traffic, Conditions conditions, WebhookPoster poster, String authToken) {
        this.traffic = traffic;
        this.conditions = conditions;
        this.poster = poster;
        this.authToken = authToken;
    }

    void createMessage(HttpExchange exchange, String accountSid) throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"), accountSid)) {
            Replies.json(exchange, 401, error(20003, "Authenticate", 401));
            return;
        }
        Map<String, String> form = Replies.form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        List<String> addresses = to == null ? List.of() : List.of(to);
        var outage = conditions.outage(Provider.TWILIO);
        if (outage.isPresent()) {
            int status = outage.get().status();
            traffic.record(Provider.TWILIO, addresses, status);
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(outage.get().secondsLeft()));
            Replies.json(exchange, status, error(status == 429 ? 20429 : 20500,
                    status == 429 ? "Too Many Requests" : "Service unavailable (simulated outage)", status));
            return;
        }
        if (to == null || to.isBlank()) {
            traffic.record(Provider.TWILIO, addresses, 400);
            Replies.json(exchange, 400, error(21604, "A 'To' phone number is required.", 400));
            return;
        }
        if (to.startsWith("+1555010") || !to.matches("\\+[1-9]\\d{6,14}")) {
            traffic.record(Provider.TWILIO, addresses, 400);
            log.info("Twilio message to {} rejected: invalid number", Replies.redact(to));
            Replies.json(exchange, 400, error(21211, "The 'To' number " + to + " is not a valid phone number.", 400));
            return;
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        traffic.record(Provider.TWILIO, addresses, 201);
        Replies.json(exchange, 201, message(sid, accountSid, form));
        String callback = form.get("StatusCallback");
        if (callback != null && !callback.isBlank()) {
            scheduleCallbacks(callback, sid, accountSid, to);
        }
    }

    private boolean authorized(String header, String accountSid) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(accountSid + ":" + authToken);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void scheduleCallbacks(String url, String sid, String accountSid, String to) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("MessageSid", sid);
        base.put("SmsSid", sid);
        base.put("AccountSid", accountSid);
        base.put("To", to);
        base.put("ApiVersion", "2010-04-01");
        if (to.startsWith("+1555020") || to.startsWith("+1555030")) {
            Map<String, String> failed = new LinkedHashMap<>(base);
            failed.put("MessageStatus", "undelivered");
            failed.put("SmsStatus", "undelivered");
            failed.put("ErrorCode", to.startsWith("+1555020") ? "30003" : "21610");
            poster.later(poster.nextDelayMillis(), () -> callback(url, failed));
            return;
        }
        Map<String, String> sent = new LinkedHashMap<>(base);
        sent.put("MessageStatus", "sent");
        sent.put("SmsStatus", "sent");
        Map<String, String> delivered = new LinkedHashMap<>(base);
        delivered.put("MessageStatus", "delivered");
        delivered.put("SmsStatus", "delivered");
        long first = poster.nextDelayMillis();
        poster.later(first, () -> callback(url, sent));
        poster.later(first + poster.nextDelayMillis(), () -> callback(url, delivered));
    }

    private void callback(String url, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            poster.post(new WebhookPoster.Webhook(url, "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.UTF_8), Map.of("X-Twilio-Signature", sign(url, params))));
        } catch (GeneralSecurityException e) {
            log.error("Could not sign a Twilio status callback", e);
        }
    }

    /** Twilio's scheme: base64(HMAC-SHA1(auth token, full URL + each POST parameter name and value, sorted by name)). */
    String sign(String url, Map<String, String> params) throws GeneralSecurityException {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> message(String sid, String accountSid, Map<String, String> form) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_2822);
        String body = form.getOrDefault("Body", "");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sid", sid);
        m.put("account_sid", accountSid);
        m.put("api_version", "2010-04-01");
        m.put("body", body);
        m.put("date_created", now);
        m.put("date_updated", now);
        m.put("date_sent", null);
        m.put("direction", "outbound-api");
        m.put("error_code", null);
        m.put("error_message", null);
        m.put("from", form.get("From"));
        m.put("messaging_service_sid", form.get("MessagingServiceSid"));
        m.put("num_media", "0");
        m.put("num_segments", String.valueOf(Math.max(1, (body.length() + 152) / 153)));
        m.put("price", null);
        m.put("price_unit", "USD");
        m.put("status", "queued");
        m.put("subresource_uris", Map.of("media", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + "/Media.json"));
        m.put("to", form.get("To"));
        m.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return m;
    }

    private static Map<String, Object> error(int code, String message, int status) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        e.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        e.put("status", status);
        return e;
    }
}
