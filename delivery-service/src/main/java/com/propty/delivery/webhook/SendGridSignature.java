package com.propty.delivery.webhook;

import com.sendgrid.helpers.eventwebhook.EventWebhook;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SendGrid's signed event webhook: ECDSA over the timestamp followed by the raw body, verified with the
 * SDK's {@link EventWebhook}. A stale timestamp is refused too, so a captured request cannot be replayed later.
 */
public class SendGridSignature {

    private final ECPublicKey publicKey;
    private final Duration maxAge;
    private final Clock clock;

    public SendGridSignature(String publicKeyBase64, Duration maxAge, Clock clock) {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        try {
            this.publicKey = new EventWebhook().ConvertPublicKeyToECDSA(publicKeyBase64);
        } catch (Exception e) {
            throw new IllegalArgumentException("SENDGRID_WEBHOOK_PUBLIC_KEY is not an X.509 EC public key", e);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public boolean verify(byte[] body, String signature, String timestamp) {
        if (body == null || signature == null || signature.isBlank() || timestamp == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        if (age.abs().compareTo(maxAge) > 0) {
            return false;
        }
        try {
            return new EventWebhook().VerifySignature(publicKey, body, signature, timestamp.trim());
        } catch (Exception e) {
            // a malformed signature (bad base64, not DER) makes the SDK throw rather than answer false
            return false;
        }
    }
}
