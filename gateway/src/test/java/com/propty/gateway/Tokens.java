package com.propty.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints the tokens the tests present: good ones, and each kind of bad one the gateway must refuse. */
final class Tokens {

    /** The documented local default (application-local.yml). */
    static final String LOCAL_SECRET = "local-dev-secret-change-me-0123456789abcdef-local";

    private Tokens() {
    }

    static JWTClaimsSet.Builder claims(String sub, String role, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(sub).claim("name", "Ann Manager")
                .claim("roles", List.of(role)).claim("properties", List.of("p1", "p2"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)));
    }

    static String manager() {
        return hs256(LOCAL_SECRET, claims("u1", "PROPERTY_MANAGER", Duration.ofMinutes(10)).build());
    }

    static String hs256(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code "alg":"none"}), the classic way to bypass a careless verifier. */
    static String algNone(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
