package com.propty.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * User tokens as the platform's gateway (local profile, as the launcher starts it) accepts them, minted here without a
 * round trip to {@code /dev/token}, and each kind of bad one it must refuse.
 */
public final class Tokens {

    /** The documented local default (gateway application-local.yml); the launcher does not override it. */
    static final String LOCAL_SECRET = "local-dev-secret-change-me-0123456789abcdef-local";

    private Tokens() {
    }

    public static JWTClaimsSet.Builder claims(String user, List<String> roles, Duration validFor, String... properties) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(user).claim("name", "User " + user).claim("roles", roles)
                .claim("properties", List.of(properties)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)));
    }

    /** A valid token of a property manager of {@code properties}. */
    public static String manager(String user, String... properties) {
        return hs256(LOCAL_SECRET, claims(user, List.of("PROPERTY_MANAGER"), Duration.ofMinutes(15), properties).build());
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String local(JWTClaimsSet claims) {
        return hs256(LOCAL_SECRET, claims);
    }

    /** An unsigned token ({@code "alg":"none"}). */
    public static String algNone(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
