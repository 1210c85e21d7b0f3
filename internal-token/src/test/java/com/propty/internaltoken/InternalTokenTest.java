package com.propty.internaltoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalTokenTest {

    static final String SECRET = "internal-test-secret-0123456789abcdef-0123";
    static final String OTHER_SECRET = "another-internal-secret-0123456789abcdef-99";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final InternalIdentity ANN = new InternalIdentity("u1", "Zoé Łukasz 王芳",
            List.of("PROPERTY_MANAGER"), List.of("p1", "p2,with-comma"));

    final InternalTokenSigner gateway = new InternalTokenSigner(SECRET, InternalToken.GATEWAY_ISSUER,
            InternalToken.DEFAULT_LIFETIME, CLOCK);
    final InternalTokenVerifier verifier = new InternalTokenVerifier(SECRET, null, CLOCK);

    @Test
    void a_minted_token_verifies_and_carries_the_identity_intact() throws Exception {
        assertThat(verifier.verify(gateway.sign(ANN))).isEqualTo(ANN);
    }

    @Test
    void the_token_has_the_documented_claims() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(gateway.sign(ANN)).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("propty-gateway");
        assertThat(claims.getAudience()).containsExactly("propty-services");
        assertThat(claims.getSubject()).isEqualTo("u1");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PROPERTY_MANAGER");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void a_token_is_good_until_its_expiry_plus_the_clock_skew_and_no_longer() throws Exception {
        String token = gateway.sign(ANN);

        assertThat(verifierAt(NOW.plusSeconds(65)).verify(token)).isEqualTo(ANN);
        assertRejected(verifierAt(NOW.plusSeconds(66)), token);
    }

    @Test
    void a_token_issued_in_the_future_is_rejected() {
        InternalTokenSigner ahead = new InternalTokenSigner(SECRET, InternalToken.GATEWAY_ISSUER,
                InternalToken.DEFAULT_LIFETIME, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));

        assertRejected(verifier, ahead.sign(ANN));
    }

    @Test
    void a_token_signed_with_another_key_is_rejected() {
        assertRejected(verifier, new InternalTokenSigner(OTHER_SECRET, InternalToken.GATEWAY_ISSUER,
                InternalToken.DEFAULT_LIFETIME, CLOCK).sign(ANN));
    }

    @Test
    void during_a_rotation_the_previous_secret_is_accepted_too() throws Exception {
        String oldToken = new InternalTokenSigner(OTHER_SECRET, InternalToken.GATEWAY_ISSUER,
                InternalToken.DEFAULT_LIFETIME, CLOCK).sign(ANN);

        assertThat(new InternalTokenVerifier(SECRET, OTHER_SECRET, CLOCK).verify(oldToken)).isEqualTo(ANN);
        assertThat(new InternalTokenVerifier(SECRET, OTHER_SECRET, CLOCK).verify(gateway.sign(ANN))).isEqualTo(ANN);
    }

    @Test
    void an_unsigned_token_or_another_algorithm_or_garbage_is_rejected() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(gateway.sign(ANN)).getJWTClaimsSet();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)));

        assertRejected(verifier, new PlainJWT(claims).serialize());
        assertRejected(verifier, hs512.serialize());
        assertRejected(verifier, "not-a-jwt");
        assertRejected(verifier, "");
        assertRejected(verifier, null);
    }

    @Test
    void a_token_for_another_audience_or_without_issuer_subject_or_expiry_is_rejected() throws Exception {
        JWTClaimsSet good = SignedJWT.parse(gateway.sign(ANN)).getJWTClaimsSet();

        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).audience("someone-else").build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).audience((String) null).build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).issuer(null).build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).subject(null).build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).expirationTime(null).build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).issueTime(null).build()));
        assertRejected(verifier, hs256(new JWTClaimsSet.Builder(good).claim("roles", "PROPERTY_ADMIN").build()));
    }

    @Test
    void a_service_token_carries_role_service_but_a_gateway_token_never_may() throws Exception {
        InternalTokenSigner resend = new InternalTokenSigner(SECRET, "resend-service", Duration.ofSeconds(60), CLOCK);

        InternalIdentity service = verifier.verify(resend.sign(InternalIdentity.service("resend-service")));
        assertThat(service.subject()).isEqualTo("service:resend-service");
        assertThat(service.hasRole("SERVICE")).isTrue();
        assertRejected(verifier, gateway.sign(new InternalIdentity("u1", "Ann", List.of("SERVICE"), List.of())));
    }

    @Test
    void a_missing_or_short_secret_is_refused_with_the_variable_to_set() {
        assertThatThrownBy(() -> new InternalTokenVerifier("too-short", null)).hasMessageContaining(
                "INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalTokenSigner(null, "gw", Duration.ofSeconds(60))).hasMessageContaining(
                "INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalTokenVerifier(SECRET, "short")).hasMessageContaining(
                "INTERNAL_TOKEN_PREVIOUS_SECRET");
    }

    private static InternalTokenVerifier verifierAt(Instant now) {
        return new InternalTokenVerifier(SECRET, null, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static void assertRejected(InternalTokenVerifier verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidInternalToken.class);
    }
}
