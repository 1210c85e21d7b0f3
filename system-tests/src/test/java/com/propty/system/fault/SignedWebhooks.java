package com.propty.system.fault;

import com.propty.simulator.EventWebhookSigner;
import com.propty.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Posts SendGrid event webhooks and Twilio callbacks through the gateway, genuinely signed or forged. */
final class SignedWebhooks {

    /** Signs with the simulator's local-profile key (the delivery-service holds its public half). */
    private static final EventWebhookSigner GENUINE = EventWebhookSigner.withKey(SimulatorSettings.LOCAL_SIGNING_KEY);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String gateway;

    SignedWebhooks(String gateway) {
        this.gateway = gateway;
    }

    /** Posts SendGrid events signed with the genuine key, stamped {@code ageSeconds} ago; returns the HTTP status. */
    int sendGrid(String events, long ageSeconds) {
        return postSendGrid(events, ageSeconds, GENUINE);
    }

    /** The same, signed with a key nobody trusts. */
    int sendGridForged(String events) {
        return postSendGrid(events, 0, EventWebhookSigner.withUntrustedKey());
    }

    /** A Twilio status callback with a signature that is not Twilio's. */
    int twilioForged(String query, String form) {
        return post("/webhooks/twilio/status?" + query, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                "X-Twilio-Signature", Base64.getEncoder().encodeToString("forged".getBytes(StandardCharsets.UTF_8)));
    }

    private int postSendGrid(String events, long ageSeconds, EventWebhookSigner signer) {
        byte[] body = events.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000 - ageSeconds);
        return post("/webhooks/sendgrid/events", "application/json", body,
                EventWebhookSigner.SIGNATURE_HEADER, signer.sign(timestamp, body),
                EventWebhookSigner.TIMESTAMP_HEADER, timestamp);
    }

    private int post(String path, String contentType, byte[] body, String... headers) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", contentType)
                    .headers(headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
