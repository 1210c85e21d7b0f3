package com.propty.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SendGridSignatureTest {

    static final String PRIVATE_KEY =
            "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCDmneDr587o14qKO2gTJIypfAZV5h48aK+42J1QukGVQQ==";
    static final String PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEReGRxskxFxSkOs60loSYd4jwoFy+d2LbyK8L2GnM688G"
            + "j05tb22NJmuGoft1bObhie33/hHhG5shXRSc/9mc0A==";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SendGridSignature signature = new SendGridSignature(PUBLIC_KEY, Duration.ofMinutes(10),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final byte[] body = "[{\"event\":\"delivered\"}]".getBytes(StandardCharsets.UTF_8);

    static String sign(String timestamp, byte[] body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(PRIVATE_KEY))));
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body);
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    @Test
    void acceptsABodySignedWithTheSimulatorsKey() throws Exception {
        String ts = String.valueOf(NOW.getEpochSecond() - 30);
        assertThat(signature.verify(body, sign(ts, body), ts)).isTrue();
    }

    @Test
    void refusesAnAlteredBodyOrTimestamp() throws Exception {
        String ts = String.valueOf(NOW.getEpochSecond());
        String valid = sign(ts, body);
        assertThat(signature.verify("[{\"event\":\"bounce\"}]".getBytes(StandardCharsets.UTF_8), valid, ts)).isFalse();
        assertThat(signature.verify(body, valid, String.valueOf(NOW.getEpochSecond() - 1))).isFalse();
    }

    @Test
    void refusesAStaleTimestampEvenWhenCorrectlySigned() throws Exception {
        String stale = String.valueOf(NOW.minus(Duration.ofMinutes(11)).getEpochSecond());
        assertThat(signature.verify(body, sign(stale, body), stale)).isFalse();
    }

    @Test
    void refusesMissingOrMalformedSignaturesWithoutThrowing() {
        String ts = String.valueOf(NOW.getEpochSecond());
        assertThat(signature.verify(body, null, ts)).isFalse();
        assertThat(signature.verify(body, "not base64 !!", ts)).isFalse();
        assertThat(signature.verify(body, Base64.getEncoder().encodeToString("garbage".getBytes()), ts)).isFalse();
        assertThat(signature.verify(body, "MEUCIQ==", "yesterday")).isFalse();
    }
}
