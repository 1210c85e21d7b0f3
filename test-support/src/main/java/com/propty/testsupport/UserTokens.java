package com.propty.testsupport;

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

/**
 * User tokens (JWTs) as a browser presents them to the gateway: good ones for its local profile, minted without a round
 * trip to {@code /dev/token}, and each kind of bad one it must refuse. (What the gateway forwards to the services is
 * another token: {@link InternalTokens}.)
 */
public final class UserTokens {

    /** The documented local default of the gateway's user-token secret (application-local.yml); the launcher keeps it. */
    public static final String LOCAL_SECRET = "local-dev-secret-change-me-0123456789abcdef-local";

    private UserTokens() {
    }

    /** A user named "User {user}" with these roles and properties, issued now and valid for {@code validFor}. */
    public static JWTClaimsSet.Builder claims(String user, List<String> roles, Duration validFor, String... properties) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(user).claim("name", "User " + user).claim("roles", roles)
                .claim("properties", List.of(properties)).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)));
    }

    /** A valid local token of a property manager of {@code properties}. */
    public static String manager(String user, String... properties) {
        return local(claims(user, List.of("PROPERTY_MANAGER"), Duration.ofMinutes(15), properties).build());
    }

    /** Signed with the local secret. */
    public static String local(JWTClaimsSet claims) {
        return hs256(LOCAL_SECRET, claims);
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

    /** Signed with an RSA key of an identity provider, its key id in the header. */
    public static String rs256(RSAKey key, JWTClaimsSet claims) {
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
    public static String algNone(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
