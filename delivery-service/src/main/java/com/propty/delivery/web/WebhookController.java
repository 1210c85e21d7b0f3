package com.propty.delivery.web;

import com.propty.delivery.dispatch.DeliveryProperties;
import com.propty.delivery.email.SendGridProperties;
import com.propty.delivery.resilience.Provider;
import com.propty.delivery.sms.StatusCallbacks;
import com.propty.delivery.sms.TwilioProperties;
import com.propty.delivery.webhook.SendGridEvent;
import com.propty.delivery.webhook.SendGridSignature;
import com.propty.delivery.webhook.StatusCallbackBatches;
import com.propty.delivery.webhook.TwilioCallbackProperties;
import com.propty.delivery.webhook.WebhookEvents;
import com.propty.delivery.webhook.WebhookMeters;
import com.propty.delivery.webhook.WebhookSettling;
import com.propty.kit.ApiProblem;
import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider webhooks (no JWT; reached through the gateway's {@code /webhooks/**}). A missing, bad or stale
 * signature is 401 and changes nothing; an event already applied is acknowledged with 200 and changes nothing.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final TypeReference<List<SendGridEvent>> EVENTS = new TypeReference<>() {
    };

    private final SendGridSignature sendGridSignature;
    private final RequestValidator twilioValidator;
    private final StatusCallbacks callbacks;
    private final WebhookSettling settling;
    private final StatusCallbackBatches twilioBatches;
    private final Duration callbackTimeout;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final WebhookMeters webhooks;

    WebhookController(SendGridProperties sendGrid, TwilioProperties twilio, DeliveryProperties delivery, Clock clock,
            StatusCallbacks callbacks, WebhookSettling settling, StatusCallbackBatches twilioBatches,
            TwilioCallbackProperties twilioCallbacks, JsonMapper json,
            MeterRegistry meters, WebhookMeters webhooks) {
        this.webhooks = webhooks;
        this.sendGridSignature = new SendGridSignature(sendGrid.webhookPublicKey(), delivery.webhookMaxAge(), clock);
        this.twilioValidator = new RequestValidator(twilio.authToken());
        this.callbacks = callbacks;
        this.settling = settling;
        this.twilioBatches = twilioBatches;
        this.callbackTimeout = twilioCallbacks.timeout();
        this.json = json;
        this.meters = meters;
    }

    @PostMapping("/webhooks/sendgrid/events")
    ResponseEntity<Void> sendGridEvents(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Timestamp", required = false) String timestamp) {
        if (!sendGridSignature.verify(body, signature, timestamp)) {
            webhooks.rejectedSignature(Provider.SENDGRID);
            throw invalidSignature("SendGrid");
        }
        List<SendGridEvent> events;
        try {
            events = json.readValue(body, EVENTS);
        } catch (RuntimeException e) {
            webhooks.malformed(Provider.SENDGRID);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                    "The body is not a JSON array of SendGrid events.");
        }
        List<WebhookEvents.Change> changes = new ArrayList<>();
        List<WebhookEvents.OptOut> optOuts = new ArrayList<>();
        for (SendGridEvent event : events) {
            if (event == null) {
                continue;
            }
            WebhookEvents.fromSendGrid(event).ifPresent(changes::add);
            WebhookEvents.optOutFromSendGrid(event).ifPresent(optOut -> {
                optOuts.add(optOut);
                meters.counter("delivery.email.opt.out.events", "event", event.event()).increment();
            });
        }
        int applied = settling.apply(changes, optOuts);
        webhooks.settled(Provider.SENDGRID, changes.size() + optOuts.size(), applied);
        log.debug("SendGrid webhook: {} events, {} status changes, {} opt-outs, {} new", events.size(), changes.size(),
                optOuts.size(), applied);
        return ResponseEntity.ok().build();
    }

    @PostMapping(path = StatusCallbacks.PATH)
    ResponseEntity<Void> twilioStatus(HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> query = decode(request.getQueryString());
        // getParameterMap() mixes the query string into the form: Twilio signs the form parameters only
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.containsKey(name) && values.length > 0) {
                form.put(name, values[0]);
            }
        });
        String url = callbacks.signedUrl(request.getRequestURI(), request.getQueryString());
        if (signature == null || !twilioValidator.validate(url, form, signature)) {
            webhooks.rejectedSignature(Provider.TWILIO);
            throw invalidSignature("Twilio");
        }
        var change = WebhookEvents.fromTwilio(query, form);
        if (change.isPresent()) {
            awaitApplied(twilioBatches.submit(change.get()));
        }
        return ResponseEntity.ok().build();
    }

    /** Answered only once applied: a 503 (or no answer at all, if the process dies) makes Twilio post it again. */
    private void awaitApplied(CompletableFuture<Void> applied) {
        try {
            applied.get(callbackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notApplied();
        } catch (ExecutionException | TimeoutException e) {
            throw notApplied();
        }
    }

    private static ApiProblem notApplied() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "WEBHOOK_NOT_APPLIED", "Webhook not applied",
                "The status callback could not be applied now; post it again later.");
    }

    private static ApiProblem invalidSignature(String provider) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "Invalid signature",
                "The " + provider + " webhook signature is missing, invalid or too old.");
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
