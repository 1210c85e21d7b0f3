package com.propty.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * SendGrid's Event Webhook signature: ECDSA (P-256, SHA-256, DER, base64) over the timestamp followed by the raw body,
 * sent as {@code X-Twilio-Email-Event-Webhook-Signature}. The simulator signs its webhooks with it, and tests that post
 * webhooks themselves sign (or forge) theirs with it too.
 */
public final class EventWebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private final PrivateKey key;

    private EventWebhookSigner(PrivateKey key) {
        this.key = key;
    }

    /** Signs with a PKCS8 EC private key in base64 ({@link SimulatorSettings#LOCAL_SIGNING_KEY} locally). */
    public static EventWebhookSigner withKey(String pkcs8Base64) {
        try {
            return new EventWebhookSigner(KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("SIM_SENDGRID_SIGNING_KEY is not a PKCS8 EC private key", e);
        }
    }

    /** Signs with a fresh key that nobody trusts: a forged webhook. */
    public static EventWebhookSigner withUntrustedKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new EventWebhookSigner(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature header's value for this timestamp (epoch seconds, as sent) and body. */
    public String sign(String timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
