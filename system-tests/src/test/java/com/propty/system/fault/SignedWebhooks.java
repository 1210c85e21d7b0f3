package com.propty.system.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Posts SendGrid event webhooks and Twilio callbacks through the gateway, genuinely signed or forged. */
final class SignedWebhooks {

    /** The simulator's local-profile signing key (the delivery-service holds its public half). */
    private static final String SIMULATOR_KEY =
            "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCDmneDr587o14qKO2gTJIypfAZV5h48aK+42J1QukGVQQ==";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String gateway;

    SignedWebhooks(String gateway) {
        this.gateway = gateway;
    }

    /** Posts SendGrid events signed with the genuine key, stamped {@code ageSeconds} ago; returns the HTTP status. */
    int sendGrid(String events, long ageSeconds) {
        return postSendGrid(events, ageSeconds, genuineKey());
    }

    /** The same, signed with a key nobody trusts. */
    int sendGridForged(String events) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return postSendGrid(events, 0, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Twilio status callback with a signature that is not Twilio's. */
    int twilioForged(String query, String form) {
        return post("/webhooks/twilio/status?" + query, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                "X-Twilio-Signature", Base64.getEncoder().encodeToString("forged".getBytes(StandardCharsets.UTF_8)));
    }

    private int postSendGrid(String events, long ageSeconds, PrivateKey key) {
        try {
            byte[] body = events.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(System.currentTimeMillis() / 1000 - ageSeconds);
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return post("/webhooks/sendgrid/events", "application/json", body,
                    "X-Twilio-Email-Event-Webhook-Signature", Base64.getEncoder().encodeToString(signature.sign()),
                    "X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static PrivateKey genuineKey() {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SIMULATOR_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
